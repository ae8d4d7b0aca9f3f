import { StructureKind, type StatementStructures } from 'ts-morph';
import { answersWith, failureDoc, type HttpService } from '../shared/framework-adapters.js';
import { printSource } from '../shared/typescript/print-source.js';
import type { GeneratedFile } from '../target.js';

/** The names `src/<service>.gen.ts` exports. */
export function handlerNames(service: HttpService) {
  return {
    file: `${service.set.id}.gen`,
    options: `${service.set.prefix}ExpressOptions`,
    errorHandler: `${service.stem}ErrorHandler`,
    notFoundHandler: `${service.stem}NotFoundHandler`,
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
        'notFoundHandler',
        { name: 'ExpressErrorHandler', isTypeOnly: true },
        { name: 'ExpressErrorOptions', isTypeOnly: true },
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
            '',
            `Register it last: \`app.use(${names.errorHandler}())\`.`,
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
            `Register it after every route, before the error handler: \`app.use(${names.notFoundHandler}())\`.`,
          ].join('\n'),
        },
      ],
      statements: [`return notFoundHandler<Request>(${codes.catalog}, options);`],
    },
  ];
  return printSource(`${packageDir}/src/${names.file}.ts`, statements);
}
