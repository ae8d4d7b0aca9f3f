import { CodeBlockWriter, printStructure, StructureKind, type EnumMemberStructure, type SourceFileStructure, type StatementStructures, type WriterFunction } from 'ts-morph';
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
  const text = printWithSlots(statements) ?? printPlain(statements);
  return { path, contents: `${tsHeader()}\n${text.replace(/\s*$/, '\n')}` };
}

/** Every character through the printer: text for types and initializers with its line breaks marked. */
export function printPlain(statements: readonly StatementStructures[]): string {
  return tidy(printStructure(sourceFile(statements, undefined), PRINT_OPTIONS));
}

/**
 * The same bytes as `printPlain`, faster: text that the printer would only
 * copy and indent (see `fitsSlot`) is left out of the printing and put in
 * afterwards, since the printer's writer looks at every character it writes,
 * which at 10,000 codes costs seconds on text that is already laid out.
 * Undefined when a slot could not be filled exactly (`slotsStartClean`);
 * print-source.test.ts holds the two to the same bytes.
 */
export function printWithSlots(statements: readonly StatementStructures[]): string | undefined {
  const slots: string[] = [];
  const printed = printStructure(sourceFile(statements, slots), PRINT_OPTIONS);
  if (slots.length > 0 && !slotsStartClean(printed)) return undefined;
  return fillSlots(tidy(printed), slots);
}

const PRINT_OPTIONS = { indentNumberOfSpaces: 2 };

function sourceFile(statements: readonly StatementStructures[], slots: string[] | undefined): SourceFileStructure {
  const spaced = statements.flatMap((statement, index) => {
    const previous = statements[index - 1];
    return previous && !(GROUPED.has(previous.kind) && previous.kind === statement.kind) ? [blankLine, statement] : [statement];
  });
  return { kind: StructureKind.SourceFile, statements: spaced.map((statement) => prepare(statement, slots)) };
}

/** Takes the hanging indent back off marked continuation lines (see `CONTINUATION`). */
function tidy(printed: string): string {
  return printed.replace(TRAILING_BEFORE_CONTINUATION, '').replace(BLANK_CONTINUATION, '').replace(HANGING, '$1').replaceAll(CONTINUATION, '');
}

/**
 * What stands in for a slot while printing: its number, then a probe of the
 * writer's state (a backtick that opens a template string across a line
 * break, whose next line the writer leaves unindented; one reading a
 * comment, regular expression or template string would not open it, and
 * would indent that line), then a line break and a closing
 * mark, behind a continuation mark for a type or initializer (which the
 * printer writes with a hanging indent) and not for an enum's members
 * (which it writes as a block). The writer indents that last line as it
 * would indent the slot's own continuation lines, so the indent to give
 * them is read off the printed text rather than worked out.
 */
const slotMark = (index: number, block: boolean) => `\u0002${index}\`\n\`\u0004\n${block ? '' : CONTINUATION}\u0003`;
const SLOT_MARK = /([ \t]*)\u0002(\d+)`\n`\u0004\n( *)\u0003/g;
const SLOT_PROBE = /\u0002\d+`\n( *)`\u0004\n( *)\u0001?\u0003/g;

/**
 * Whether the writer met every slot in its plain state, as it must for the
 * slot's text to come out as the same plain indented lines: the probe's
 * backtick opened a string (the line after it is not indented) and the
 * mark's last line is indented.
 */
function slotsStartClean(printed: string): boolean {
  let probes = 0;
  for (const probe of printed.matchAll(SLOT_PROBE)) {
    if (probe[1]!.length > 0 || probe[2]!.length < 2) return false;
    probes++;
  }
  return probes === (printed.match(/\u0002/g)?.length ?? 0);
}

function fillSlots(text: string, slots: readonly string[]): string {
  if (slots.length === 0) return text;
  return text.replace(SLOT_MARK, (_mark, before: string, index: string, indent: string) => {
    const slot = slots[Number(index)]!;
    // As the printer does: a text that starts on a new line leaves no trailing space behind.
    const lead = slot.startsWith('\n') ? '' : before;
    return lead + slot.replace(/\n(?!\n|$)/g, `\n${indent}`);
  });
}

/**
 * Whether the printer would write the text unchanged apart from indenting
 * each of its lines: the printer's writer tracks strings and comments to
 * decide what it indents, and guesses at some (a quote after an escaped
 * backslash, a slash that may start a regular expression). Text in which
 * it could guess wrong, or which has trailing spaces or control characters
 * to tidy, is printed the slow way, as is short text (no gain).
 */
function fitsSlot(text: string): boolean {
  if (text.length < SLOT_MIN_LENGTH || !text.includes('\n') || /[ \t]\n|\n$|[\r\u0000-\u0008\u000b-\u001f]/.test(text)) return false;
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"') {
      // A JSON-style string on one line. It ends at the first quote no
      // backslash escapes; a backslash right before that quote is the one
      // case the writer reads as an escape when it is not.
      let end = index + 1;
      while (end < text.length && text[end] !== '"' && text[end] !== '\n') end += text[end] === '\\' && text[end + 1] !== '\n' ? 2 : 1;
      if (text[end] !== '"' || text[end - 1] === '\\') return false;
      index = end + 1;
    } else if (text.startsWith('/**', index)) {
      // The writer reads a comment as closed at the first `*/` after `/*`.
      const end = text.indexOf('*/', index + 2);
      if (end < 0) return false;
      index = end + 2;
    } else if (char === "'" || char === '`' || char === '/' || char === '\\') {
      return false;
    } else index++;
  }
  return true;
}

const SLOT_MIN_LENGTH = 200;

/**
 * A copy of a structure in which every JSDoc text has passed through
 * `docText` (no spec text can close a comment early) and every line break in
 * a type or initializer text marks its continuation line, or the text has
 * gone to a slot.
 */
function prepare<T>(structure: T, slots: string[] | undefined): T {
  if (Array.isArray(structure)) return structure.map((item) => prepare(item, slots)) as T;
  if (!structure || typeof structure !== 'object') return structure;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(structure)) {
    if (key === 'members' && (structure as { kind?: unknown }).kind === StructureKind.Enum && Array.isArray(value)) copy[key] = [enumMembers(value.map((member) => prepare(member, slots)), slots)];
    else if (key === 'docs' && Array.isArray(value)) copy[key] = value.map(safeDoc);
    else if (TEXT_KEYS.has(key) && typeof value === 'string') copy[key] = slotFor(value, false, slots) ?? markContinuations(value);
    else if (TEXT_KEYS.has(key) && typeof value === 'function') copy[key] = markedWriter(value as WriterFunction);
    else copy[key] = prepare(value, slots);
  }
  return copy as T;
}

function slotFor(text: string, block: boolean, slots: string[] | undefined): string | undefined {
  if (!slots || !fitsSlot(text)) return undefined;
  slots.push(text);
  return slotMark(slots.length - 1, block);
}

/**
 * An enum's members as one writer function that prints each member on its
 * own and joins them with commas. ts-morph's printer would insert each comma
 * back into the whole text written so far, which costs quadratic time on an
 * enum of thousands of members; it runs writer functions as they are (typed
 * as a member structure here, which is all the structure's type admits).
 */
function enumMembers(members: readonly EnumMemberStructure[], slots: string[] | undefined): EnumMemberStructure {
  const text = members.map((member) => printStructure({ ...member, kind: StructureKind.EnumMember }, { indentNumberOfSpaces: 2 })).join(',\n');
  const mark = slotFor(text, true, slots);
  const write: WriterFunction = (writer) => {
    writer.write(mark ?? text);
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
    const description = docText((doc as { description: string }).description);
    // A doc that is only a description prints the same as its text, which
    // the printer takes as it is instead of writing it into a writer of its
    // own first (docText has turned every line break into `\n`).
    return Object.keys(doc).length === 1 ? description : { ...doc, description };
  }
  return doc;
}
