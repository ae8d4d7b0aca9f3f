import type { StatementStructures } from 'ts-morph';
import { StructureKind } from '../shared/typescript/structure-kind.js';
import { answersWith, failureDoc, statusDoc, type HttpService } from '../shared/framework-adapters.js';
import { printSource } from '../shared/typescript/print-source.js';
import type { GeneratedFile } from '../target.js';

/** The names `src/<service>.gen.ts` exports. */
export function handlerNames(service: HttpService) {
  return {
    file: `${service.set.id}.gen`,
    options: `${service.set.prefix}ExpressOptions`,
    errorHandler: `${service.stem}ErrorHandler`,
    notFoundHandler: `${service.stem}NotFoundHandler`,
    handlers: `${service.stem}Errors`,
    handlersType: `${service.set.prefix}ExpressHandlers`,
  };
}

const REQUEST = { name: 'Request', constraint: 'IncomingMessage', default: 'IncomingMessage' };

/**
 * `src/<service>.gen.ts`: the runtime's Express handlers bound to the
 * service's catalog, with options typed by its locales and error class.
 */
export function buildHandlersFile(packageDir: string, codesPackage: string, service: HttpService): GeneratedFile {
  const { set, codes } = service;
  const names = handlerNames(service);
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: codesPackage,
      namedImports: [codes.catalog, { name: codes.errorClass, isTypeOnly: true }, { name: codes.locale, isTypeOnly: true }],
    },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '@errcat/runtime/express',
      namedImports: [
        'errorHandler',
        'handlers',
        'notFoundHandler',
        { name: 'ExpressErrorHandler', isTypeOnly: true },
        { name: 'ExpressErrorOptions', isTypeOnly: true },
        { name: 'ExpressHandlers', isTypeOnly: true },
        { name: 'ExpressRequestHandler', isTypeOnly: true },
      ],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: 'node:http', isTypeOnly: true, namedImports: ['IncomingMessage'] },
    {
      kind: StructureKind.Interface,
      name: names.options,
      isExported: true,
      typeParameters: [REQUEST],
      extends: [`ExpressErrorOptions<Request, ${codes.locale}>`],
      docs: [{ description: `Options of the ${set.title} handlers. \`Request\` is the request type \`onError\` and \`mapError\` receive (Express's \`Request\`, for one).` }],
      properties: [
        {
          name: 'mapError',
          isReadonly: true,
          hasQuestionToken: true,
          type: `(error: unknown, request: Request) => ${codes.errorClass} | null | undefined`,
          docs: [{ description: `Answers another library's error (a rate limiter's 429, say) with an error of this service, \`${codes.errorClass}\`; \`undefined\` leaves it to the defaults.` }],
        },
      ],
    },
    {
      kind: StructureKind.Function,
      name: names.errorHandler,
      isExported: true,
      typeParameters: [REQUEST],
      parameters: [{ name: 'options', hasQuestionToken: true, type: `${names.options}<Request>` }],
      returnType: 'ExpressErrorHandler<Request>',
      docs: [
        {
          description: [
            `An error-handling middleware answering with ${answersWith(set)}.`,
            '',
            `A thrown \`${codes.errorClass}\` is answered with its status and body. Otherwise the spec decides:`,
            failureDoc(service, ['internal', 'malformedBody', 'bodyTooLarge']),
            statusDoc(service),
            '',
            `Register it last: \`app.use(${names.errorHandler}())\`; \`${names.handlers}(options)\` gives it together with the not-found handler, configured once.`,
          ].join('\n'),
        },
      ],
      statements: [`return errorHandler<Request>(${codes.catalog}, options);`],
    },
    {
      kind: StructureKind.Function,
      name: names.notFoundHandler,
      isExported: true,
      typeParameters: [REQUEST],
      parameters: [{ name: 'options', hasQuestionToken: true, type: `${names.options}<Request>` }],
      returnType: 'ExpressRequestHandler<Request>',
      docs: [
        {
          description: [
            `Answers requests no route matched:`,
            failureDoc(service, ['notFound']),
            '',
            `\`OPTIONS\` on a path a route serves is left to Express, which answers it with \`Allow\` (CORS preflights).`,
            '',
            `Register it after every route, before the error handler: \`app.use(${names.notFoundHandler}())\`; \`${names.handlers}(options)\` gives it together with the error handler, configured once.`,
          ].join('\n'),
        },
      ],
      statements: [`return notFoundHandler<Request>(${codes.catalog}, options);`],
    },
    {
      kind: StructureKind.TypeAlias,
      name: names.handlersType,
      isExported: true,
      typeParameters: [REQUEST],
      type: 'ExpressHandlers<Request>',
      docs: [{ description: `Both handlers of ${set.title}: \`notFoundHandler\` and \`errorHandler\`.` }],
    },
    {
      kind: StructureKind.Function,
      name: names.handlers,
      isExported: true,
      typeParameters: [REQUEST],
      parameters: [{ name: 'options', hasQuestionToken: true, type: `${names.options}<Request>` }],
      returnType: `${names.handlersType}<Request>`,
      docs: [
        {
          description: [
            `The not-found handler and the error handler of ${set.title} from one set of options (\`envelope\`, \`onError\`, \`problemInstance\`…), so both answer alike:`,
            '',
            '```ts',
            `const errors = ${names.handlers}({ envelope: "problem", onError: (error) => log.error(error) });`,
            'app.use(errors.notFoundHandler); // after every route',
            'app.use(errors.errorHandler); // last',
            '```',
          ].join('\n'),
        },
      ],
      statements: [`return handlers<Request>(${codes.catalog}, options);`],
    },
  ];
  return printSource(`${packageDir}/src/${names.file}.ts`, statements);
}
