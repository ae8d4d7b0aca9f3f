import { CodeBlockWriter, printStructure, StructureKind, type EnumMemberStructure, type StatementStructures, type WriterFunction } from 'ts-morph';
import type { GeneratedFile } from '../../target.js';
import { tsHeader } from '../generated-header.js';
import { docText } from './ts-literal.js';

const blankLine: WriterFunction = (writer) => writer.blankLineIfLastNot();
const GROUPED = new Set<StructureKind>([StructureKind.ImportDeclaration, StructureKind.ExportDeclaration]);

/**
 * Marks the start of each continuation line of a type or initializer written
 * as text. ts-morph's printer writes such text with a hanging indent (one
 * level more than the declaration on every line after the first); the text is
 * already indented as it should read from the declaration's own column, so
 * that one level is taken back off the marked lines after printing. A control
 * character cannot occur in generated code: spec text reaches it only through
 * `quote`, which escapes them.
 */
const CONTINUATION = '\u0001';
const HANGING = /^( *) {2}\u0001/gm;
const BLANK_CONTINUATION = /^ *\u0001$/gm;
const TRAILING_BEFORE_CONTINUATION = /[ \t]+(?=\n *\u0001)/g;
const TEXT_KEYS = new Set(['type', 'initializer', 'returnType']);

/**
 * Prints a whole source file from its statement structures in one go (never
 * node by node, never parsed back): a blank line between statements except
 * within a run of imports or exports, behind the generated-file header.
 * Text given for types and initializers is written as it is indented, from
 * the column of the line it starts on (see `dataLiteral` and `unionType`).
 */
export function printSource(path: string, statements: readonly StatementStructures[]): GeneratedFile {
  const spaced = statements.flatMap((statement, index) => {
    const previous = statements[index - 1];
    return previous && !(GROUPED.has(previous.kind) && previous.kind === statement.kind) ? [blankLine, statement] : [statement];
  });
  const printed = printStructure({ kind: StructureKind.SourceFile, statements: spaced.map(prepare) }, { indentNumberOfSpaces: 2 });
  const text = printed
    .replace(TRAILING_BEFORE_CONTINUATION, '')
    .replace(BLANK_CONTINUATION, '')
    .replace(HANGING, '$1')
    .replaceAll(CONTINUATION, '');
  return { path, contents: `${tsHeader()}\n${text.replace(/\s*$/, '\n')}` };
}

/**
 * A copy of a structure in which every JSDoc text has passed through
 * `docText` (no spec text can close a comment early) and every line break in
 * a type or initializer text marks its continuation line.
 */
function prepare<T>(structure: T): T {
  if (Array.isArray(structure)) return structure.map(prepare) as T;
  if (!structure || typeof structure !== 'object') return structure;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(structure)) {
    if (key === 'members' && (structure as { kind?: unknown }).kind === StructureKind.Enum && Array.isArray(value)) copy[key] = [enumMembers(value.map(prepare))];
    else if (key === 'docs' && Array.isArray(value)) copy[key] = value.map(safeDoc);
    else if (TEXT_KEYS.has(key) && typeof value === 'string') copy[key] = markContinuations(value);
    else if (TEXT_KEYS.has(key) && typeof value === 'function') copy[key] = markedWriter(value as WriterFunction);
    else copy[key] = prepare(value);
  }
  return copy as T;
}

/**
 * An enum's members as one writer function that prints each member on its
 * own and joins them with commas. ts-morph's printer would insert each comma
 * back into the whole text written so far, which costs quadratic time on an
 * enum of thousands of members; it runs writer functions as they are (typed
 * as a member structure here, which is all the structure's type admits).
 */
function enumMembers(members: readonly EnumMemberStructure[]): EnumMemberStructure {
  const write: WriterFunction = (writer) => {
    writer.write(members.map((member) => printStructure({ ...member, kind: StructureKind.EnumMember }, { indentNumberOfSpaces: 2 })).join(',\n'));
  };
  return write as unknown as EnumMemberStructure;
}

function markContinuations(text: string): string {
  return text.replaceAll('\n', `\n${CONTINUATION}`);
}

/** A writer function's text, written into a writer of its own first, then marked like text. */
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
    return { ...doc, description: docText((doc as { description: string }).description) };
  }
  return doc;
}
