// How errcat printed TypeScript before it had a printer of its own: the
// structures through ts-morph's `printStructure`, with text for types and
// initializers marked so that its hanging indent could be taken back off.
// print-source.test.ts holds `printSource` to these bytes.

import { CodeBlockWriter, printStructure, StructureKind, type EnumMemberStructure, type SourceFileStructure, type StatementStructures, type WriterFunction } from 'ts-morph';
import { tsHeader } from '../../generated-header.js';
import { docText } from '../ts-literal.js';

const blankLine: WriterFunction = (writer) => writer.blankLineIfLastNot();
const GROUPED = new Set<StructureKind>([StructureKind.ImportDeclaration, StructureKind.ExportDeclaration]);
const CONTINUATION = '\u0001';
const HANGING = /^( *) {2}\u0001/gm;
const BLANK_CONTINUATION = /^ *\u0001$/gm;
const TRAILING_BEFORE_CONTINUATION = /[ \t]+(?=\n *\u0001)/g;
const TEXT_KEYS = new Set(['type', 'initializer', 'returnType']);
const PRINT_OPTIONS = { indentNumberOfSpaces: 2 };

/** A whole generated file as ts-morph printed it, header and all. */
export function printedByTsMorph(statements: readonly StatementStructures[]): string {
  return `${tsHeader()}\n${printPlain(statements).replace(/\s*$/, '\n')}`;
}

function printPlain(statements: readonly StatementStructures[]): string {
  return tidy(printStructure(sourceFile(statements), PRINT_OPTIONS));
}

function sourceFile(statements: readonly StatementStructures[]): SourceFileStructure {
  const spaced = statements.flatMap((statement, index) => {
    const previous = statements[index - 1];
    return previous && !(GROUPED.has(previous.kind) && previous.kind === statement.kind) ? [blankLine, statement] : [statement];
  });
  return { kind: StructureKind.SourceFile, statements: spaced.map((statement) => prepare(statement)) };
}

function tidy(printed: string): string {
  return printed.replace(TRAILING_BEFORE_CONTINUATION, '').replace(BLANK_CONTINUATION, '').replace(HANGING, '$1').replaceAll(CONTINUATION, '');
}

function prepare<T>(structure: T): T {
  if (Array.isArray(structure)) return structure.map((item) => prepare(item)) as T;
  if (!structure || typeof structure !== 'object') return structure;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(structure)) {
    if (key === 'members' && (structure as { kind?: unknown }).kind === StructureKind.Enum && Array.isArray(value)) copy[key] = [enumMembers(value.map((member) => prepare(member)))];
    else if (key === 'docs' && Array.isArray(value)) copy[key] = value.map(safeDoc);
    else if (TEXT_KEYS.has(key) && typeof value === 'string') copy[key] = markContinuations(value);
    else if (TEXT_KEYS.has(key) && typeof value === 'function') copy[key] = markedWriter(value as WriterFunction);
    else copy[key] = prepare(value);
  }
  return copy as T;
}

/** Each member printed on its own and joined with commas (ts-morph's own joining is quadratic). */
function enumMembers(members: readonly EnumMemberStructure[]): EnumMemberStructure {
  const text = members.map((member) => printStructure({ ...member, kind: StructureKind.EnumMember }, PRINT_OPTIONS)).join(',\n');
  const write: WriterFunction = (writer) => {
    writer.write(text);
  };
  return write as unknown as EnumMemberStructure;
}

function markContinuations(text: string): string {
  return text.replaceAll('\n', `\n${CONTINUATION}`);
}

function markedWriter(write: WriterFunction): WriterFunction {
  return (writer) => {
    const own = new CodeBlockWriter(writer.getOptions());
    write(own);
    writer.write(markContinuations(own.toString()));
  };
}

function safeDoc(doc: unknown): unknown {
  if (typeof doc === 'string') return docText(doc);
  if (doc && typeof doc === 'object' && typeof (doc as { description?: unknown }).description === 'string') {
    const description = docText((doc as { description: string }).description);
    return Object.keys(doc).length === 1 ? description : { ...doc, description };
  }
  return doc;
}
