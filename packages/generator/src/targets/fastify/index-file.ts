import type { StatementStructures } from 'ts-morph';
import { StructureKind } from '../shared/typescript/structure-kind.js';
import type { HttpService } from '../shared/framework-adapters.js';
import { printSource } from '../shared/typescript/print-source.js';
import type { GeneratedFile } from '../target.js';
import { pluginNames } from './plugin-file.js';

/** Runtime exports a user of the package reaches without adding `@errcat/runtime` themselves. */
const RUNTIME_TYPES = ['Envelope', 'ErrorContext', 'FastifyErrorOptions', 'FrameworkErrorsHandler', 'ResponseSchemas'];

/** `src/index.ts`: every service's plugin, and the runtime types users need with them. */
export function buildIndexFile(packageDir: string, services: readonly HttpService[]): GeneratedFile {
  const statements: StatementStructures[] = services.map((service) => ({ kind: StructureKind.ExportDeclaration, moduleSpecifier: `./${pluginNames(service).file}.js` }));
  statements.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: '@errcat/runtime/fastify', namedExports: RUNTIME_TYPES.map((name) => ({ name, isTypeOnly: true })) });
  return printSource(`${packageDir}/src/index.ts`, statements);
}
