import type { StatementStructures } from 'ts-morph';
import { StructureKind } from '../shared/typescript/structure-kind.js';
import type { GeneratedFile } from '../target.js';
import { namesOf, type ErrorSetView } from '../shared/error-sets.js';
import { printSource } from '../shared/typescript/print-source.js';

/** Runtime exports a user of the package reaches without adding `@errcat/runtime` themselves. */
const RUNTIME_VALUES = ['CatalogError', 'errorResponse', 'isCatalogError', 'negotiateLocale', 'prefersProblemDetails', 'toHttpError'];
const RUNTIME_TYPES = ['ErrorResponse', 'ErrorSet', 'FailureKind', 'ProblemDetails', 'ProblemOptions', 'ResponseOptions'];
/** Client types a user names in their own code (a result kind, a reason, the options). */
const CLIENT_TYPES = ['ForeignBody', 'ForeignReason', 'ParseOptions', 'ReadOptions', 'ResponseLike'];

/** `src/index.ts`: every set's modules, enums first, and the runtime helpers users need with them. */
export function buildIndexFile(packageDir: string, sets: readonly ErrorSetView[]): GeneratedFile {
  const statements: StatementStructures[] = sets.flatMap((set) =>
    ['codes', 'catalog', 'errors', 'client'].map((module) => ({
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: `./${namesOf(set).dir.replace(/^src\//, '')}/${module}.gen.js`,
    })),
  );
  statements.push({
    kind: StructureKind.ExportDeclaration,
    moduleSpecifier: '@errcat/runtime',
    namedExports: [...RUNTIME_VALUES, ...RUNTIME_TYPES.map((name) => ({ name, isTypeOnly: true }))],
  });
  statements.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: '@errcat/runtime/client', isTypeOnly: true, namedExports: CLIENT_TYPES });
  return printSource(`${packageDir}/src/index.ts`, statements);
}

/**
 * `src/client.ts` (`<package>/client`): what a browser needs to read answers
 * back — the enums, guards and client parsers of every set — and nothing of
 * the server side (no error classes, messages or negotiation).
 */
export function buildClientIndexFile(packageDir: string, sets: readonly ErrorSetView[]): GeneratedFile {
  const statements: StatementStructures[] = sets.flatMap((set) =>
    ['codes', 'client'].map((module) => ({
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: `./${namesOf(set).dir.replace(/^src\//, '')}/${module}.gen.js`,
    })),
  );
  statements.push({
    kind: StructureKind.ExportDeclaration,
    moduleSpecifier: '@errcat/runtime/client',
    isTypeOnly: true,
    namedExports: CLIENT_TYPES,
  });
  return printSource(`${packageDir}/src/client.ts`, statements);
}
