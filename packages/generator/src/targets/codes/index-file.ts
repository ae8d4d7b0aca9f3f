import { StructureKind, type StatementStructures } from 'ts-morph';
import type { GeneratedFile } from '../target.js';
import { namesOf, type ErrorSetView } from './error-sets.js';
import { printSource } from '../shared/typescript/print-source.js';

/** Runtime exports a user of the package reaches without adding `@errcat/runtime` themselves. */
const RUNTIME_VALUES = ['CatalogError', 'errorResponse', 'isCatalogError', 'negotiateLocale', 'prefersProblemDetails', 'toHttpError'];
const RUNTIME_TYPES = ['ErrorResponse', 'ErrorSet', 'FailureKind', 'ProblemDetails', 'ProblemOptions', 'ResponseOptions'];

/** `src/index.ts`: every set's modules, enums first, and the runtime helpers users need with them. */
export function buildIndexFile(packageDir: string, sets: readonly ErrorSetView[]): GeneratedFile {
  const statements: StatementStructures[] = sets.flatMap((set) =>
    ['codes', 'catalog', 'errors'].map((module) => ({
      kind: StructureKind.ExportDeclaration as const,
      moduleSpecifier: `./${namesOf(set).dir.replace(/^src\//, '')}/${module}.gen.js`,
    })),
  );
  statements.push({
    kind: StructureKind.ExportDeclaration,
    moduleSpecifier: '@errcat/runtime',
    namedExports: [...RUNTIME_VALUES, ...RUNTIME_TYPES.map((name) => ({ name, isTypeOnly: true }))],
  });
  return printSource(`${packageDir}/src/index.ts`, statements);
}
