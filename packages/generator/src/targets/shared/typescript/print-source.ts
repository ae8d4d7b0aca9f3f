import type { StatementStructures } from 'ts-morph';
import type { GeneratedFile } from '../../target.js';
import { tsHeader } from '../generated-header.js';
import { printStatements } from './structure-printer.js';

/**
 * Prints a whole source file from its statement structures in one go (never
 * node by node, never parsed back), behind the generated-file header. Text
 * given for types and initializers is written as it is indented, from the
 * column of the line it starts on (see `dataLiteral` and `unionType`).
 */
export function printSource(path: string, statements: readonly StatementStructures[]): GeneratedFile {
  return { path, contents: `${tsHeader()}\n${printStatements(statements).trimEnd()}\n` };
}
