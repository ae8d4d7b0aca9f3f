import type { StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from '../shared/typescript/structure-kind.js';
import type { Catalog } from '../../model/catalog.js';
import { componentName } from '../shared/error-bodies/names.js';
import { answersWith, failureDoc, statusDoc, type HttpService } from '../shared/framework-adapters.js';
import { packageName } from '../shared/package-manifest.js';
import { printSource } from '../shared/typescript/print-source.js';
import { quote } from '../shared/typescript/ts-literal.js';
import type { GeneratedFile } from '../target.js';
import { buildSchemaDocuments } from '../json-schema/schema-documents.js';
import { schemaExportName } from '../json-schema/schema-module.js';

/** The names `src/<service>.gen.ts` exports. */
export function pluginNames(service: HttpService) {
  return {
    file: `${service.set.id}.gen`,
    options: `${service.set.prefix}FastifyOptions`,
    plugin: `${service.stem}Errors`,
    frameworkErrors: `${service.stem}FrameworkErrors`,
    responseSchemas: `${service.stem}ResponseSchemas`,
  };
}

/**
 * What `@scope/json-schema` exports for a service's body and for problem
 * details: a problem-details service's own body is both.
 */
export function schemaImports(catalog: Catalog, service: HttpService): { body: string; problem: string } {
  const documents = buildSchemaDocuments(catalog);
  const body = documents.find((document) => document.name === componentName(service.set.prefix, 'Error'));
  const problem = service.set.wireFormat === 'problem-details' ? body : documents.find((document) => document.name === 'ProblemDetails');
  if (!body || !problem) throw new Error(`the JSON Schema target has no body schema for ${service.set.prefix} or no problem-details schema`);
  return { body: schemaExportName(body), problem: schemaExportName(problem) };
}

/**
 * `src/<service>.gen.ts`: the runtime's Fastify plugin bound to the
 * service's catalog and to its response schemas from the JSON Schema
 * package, with options typed by its locales and error class.
 */
export function buildPluginFile(packageDir: string, catalog: Catalog, service: HttpService): GeneratedFile {
  const { set, codes } = service;
  const names = pluginNames(service);
  const schemas = schemaImports(catalog, service);
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: packageName(catalog, 'codes'),
      namedImports: [codes.catalog, { name: codes.errorClass, isTypeOnly: true }, { name: codes.locale, isTypeOnly: true }],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: packageName(catalog, 'json-schema'), namedImports: [...new Set([schemas.body, schemas.problem])] },
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: '@errcat/runtime/fastify',
      namedImports: [
        'errorPlugin',
        'frameworkErrorsHandler',
        { name: 'FastifyErrorOptions', isTypeOnly: true },
        { name: 'FrameworkErrorsHandler', isTypeOnly: true },
        { name: 'ResponseSchemas', isTypeOnly: true },
      ],
    },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: 'fastify', isTypeOnly: true, namedImports: ['FastifyPluginCallback', 'FastifyRequest'] },
    {
      kind: StructureKind.Interface,
      name: names.options,
      isExported: true,
      extends: [`FastifyErrorOptions<${codes.locale}>`],
      docs: [{ description: `Options of the ${set.title} plugin.` }],
      properties: [
        {
          name: 'mapError',
          isReadonly: true,
          hasQuestionToken: true,
          type: `(error: unknown, request: FastifyRequest) => ${codes.errorClass} | null | undefined`,
          docs: [{ description: `Answers another plugin's error (a rate limiter's 429, say) with an error of this service, \`${codes.errorClass}\`; \`undefined\` leaves it to the defaults.` }],
        },
      ],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [{ description: `The schemas ${set.title} error bodies are serialized with: the service's body and problem details, from \`${packageName(catalog, 'json-schema')}\`.` }],
      declarations: [{ name: names.responseSchemas, type: 'ResponseSchemas', initializer: `{ body: ${schemas.body}, problem: ${schemas.problem} }` }],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [
        {
          description: [
            `A Fastify plugin (applied to the app it is registered on) that answers every error and unknown route with ${answersWith(set)}. Bodies are serialized by fast-json-stringify from the response schemas.`,
            '',
            `A thrown \`${codes.errorClass}\` is answered with its status and body. Otherwise the spec decides:`,
            failureDoc(service, ['internal', 'malformedBody', 'bodyTooLarge', 'validation', 'notFound']),
            statusDoc(service),
            '',
            `\`app.register(${names.plugin}, options)\``,
          ].join('\n'),
        },
      ],
      declarations: [
        {
          name: names.plugin,
          type: `FastifyPluginCallback<${names.options}>`,
          initializer: `/* @__PURE__ */ errorPlugin<${codes.locale}>(${codes.catalog}, ${names.responseSchemas}, { name: ${quote(`${packageName(catalog, 'fastify')}/${set.id}`)} })`,
        },
      ],
    },
    {
      kind: StructureKind.Function,
      name: names.frameworkErrors,
      isExported: true,
      parameters: [{ name: 'options', hasQuestionToken: true, type: `Omit<${names.options}, "notFound">` }],
      returnType: 'FrameworkErrorsHandler',
      docs: [
        {
          description: `For Fastify's \`frameworkErrors\` server option, which a plugin cannot set: a URL that cannot be decoded gets the notFound code instead of Fastify's own body (which echoes the URL). \`Fastify({ frameworkErrors: ${names.frameworkErrors}() })\``,
        },
      ],
      statements: [`return frameworkErrorsHandler<${codes.locale}>(${codes.catalog}, ${names.responseSchemas}, options);`],
    },
  ];
  return printSource(`${packageDir}/src/${names.file}.ts`, statements);
}
