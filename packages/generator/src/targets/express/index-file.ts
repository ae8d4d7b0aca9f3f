import type { StatementStructures } from 'ts-morph';
import { StructureKind } from '../shared/typescript/structure-kind.js';
import type { HttpService } from '../shared/framework-adapters.js';
import { printSource } from '../shared/typescript/print-source.js';
import type { GeneratedFile } from '../target.js';
import { handlerNames } from './handlers-file.js';

/** Runtime exports a user of the package reaches without adding `@errcat/runtime` themselves. */
const RUNTIME_VALUES = ['catchErrors'];
const RUNTIME_TYPES = ['Envelope', 'ErrorContext', 'ExpressErrorHandler', 'ExpressHandlers', 'ExpressRequestHandler', 'NextFunction'];

/** `src/index.ts`: every service's handlers, and the runtime helpers users need with them. */
export function buildIndexFile(packageDir: string, services: readonly HttpService[]): GeneratedFile {
  const statements: StatementStructures[] = services.map((service) => ({ kind: StructureKind.ExportDeclaration, moduleSpecifier: `./${handlerNames(service).file}.js` }));
  statements.push({
    kind: StructureKind.ExportDeclaration,
    moduleSpecifier: '@errcat/runtime/express',
    namedExports: [...RUNTIME_VALUES, ...RUNTIME_TYPES.map((name) => ({ name, isTypeOnly: true }))],
  });
  return printSource(`${packageDir}/src/index.ts`, statements);
}
