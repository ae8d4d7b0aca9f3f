import type { StatementStructures } from 'ts-morph';
import type { GeneratedFile } from '../../target.js';
import { tsHeader } from '../generated-header.js';
import { compactParts, partsFile } from '../text-parts.js';
import { printedParts } from './structure-printer.js';

/**
 * Prints a whole source file from its statement structures in one go (never
 * node by node, never parsed back), behind the generated-file header. Text
 * given for types and initializers is written as it is indented, from the
 * column of the line it starts on (see `dataLiteral` and `unionType`).
 */
export function printSource(path: string, statements: readonly StatementStructures[]): GeneratedFile {
  const parts = printedParts(statements);
  // The end trimmed as the joined text's would be: a part of white space alone goes whole.
  while (parts.length > 0) {
    const last = parts.pop()!.trimEnd();
    if (last === '') continue;
    parts.push(last);
    break;
  }
  return partsFile(path, compactParts([`${tsHeader()}\n`, ...parts, '\n']));
}
