// YAML text for generated documents (the OpenAPI components), the same bytes
// as the `yaml` library's `stringify(value, YAML_OPTIONS)` but written
// directly from the data: at 10,000 codes the library builds a node tree of
// millions of nodes and spends seconds on it. Only the shapes generated
// documents have are written here (block maps and sequences; plain, quoted
// and literal-block strings; integers, booleans, null); on anything else the
// whole document goes to the library, so the output never depends on which
// path wrote it. yaml-text.test.ts holds the two to the same bytes.

import { lazily } from '../../util/lazy-load.js';
import { PartsWriter, SHARED_DEPTH } from './text-parts.js';

// The library is loaded only for a document this writer leaves to it, which
// generated catalogs rarely have: loading it costs a cold start 60-90 ms.
const yamlLibrary = lazily<typeof import('yaml')>('yaml');

/** What generated YAML is written with: no line folding, no anchors for repeated objects. */
export const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;

/** A value this writer leaves to the library. */
class Unsupported extends Error {}

/** The document as YAML text, ending in a line break. */
export function yamlText(value: unknown): string {
  return yamlTexts([value])[0]!;
}

/**
 * Several documents as YAML text. A collection near the top that the
 * documents hold more than once (the same object: the OpenAPI 3.1 and 3.0
 * documents share their responses and headers) is written once and its text
 * reused.
 */
export function yamlTexts(values: readonly unknown[]): string[] {
  return yamlParts(values).map((parts) => parts.join(''));
}

/**
 * `yamlTexts`, each text behind `prefix` (text ending in a line break, such
 * as the generated-file comment) and in parts (see text-parts.ts): a
 * collection written once is one part of each document that holds it. The
 * caller that knows which collections the documents share (at most
 * SHARED_DEPTH deep) says so; else they are looked for.
 */
export function yamlParts(values: readonly unknown[], prefix = '', recurring: ReadonlySet<object> = recurringCollections(values)): string[][] {
  const shared: Shared = { recurring, texts: new Map() };
  return values.map((value) => writeDocument(value, shared, prefix) ?? [prefix, yamlLibrary().stringify(value, YAML_OPTIONS)]);
}

/** The text written without the library, or undefined where the library must write it. */
export function fastYamlText(value: unknown): string | undefined {
  return writeDocument(value, { recurring: recurringCollections([value]), texts: new Map() }, '')?.join('');
}

function writeDocument(value: unknown, shared: Shared, prefix: string): string[] | undefined {
  if (!isPlainObject(value) || !hasKeys(value)) return undefined;
  if (prefix !== '' && !prefix.endsWith('\n')) throw new Error('a YAML prefix ends in a line break');
  const out: Out = { parts: new PartsWriter(), shared };
  if (prefix !== '') out.parts.push(prefix);
  try {
    writeMap(value, 0, out, undefined, 1);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return out.parts.parts();
}

interface Out {
  /**
   * The text so far, in pieces joined a run at a time: mostly two a line,
   * an indented key and a value with its line break, both worked out before
   * (a string per line would make a million short-lived strings at 10,000
   * codes). A reused collection's text is one piece, and stays one part of
   * the document.
   */
  readonly parts: PartsWriter;
  readonly shared: Shared;
}

interface Shared {
  /** The collections worth remembering: those the documents hold more than once. */
  readonly recurring: ReadonlySet<object>;
  /** Each one's text once written, with the indentation level it was written at. */
  readonly texts: Map<object, { readonly level: number; readonly text: string }>;
}

/** The map values at most SHARED_DEPTH deep that occur more than once among `values`. */
function recurringCollections(values: readonly unknown[]): Set<object> {
  const seen = new Set<object>();
  const recurring = new Set<object>();
  const visit = (map: Record<string, unknown>, depth: number) => {
    for (const key of Object.keys(map)) {
      const item = map[key];
      if (typeof item !== 'object' || item === null) continue;
      if (seen.has(item)) recurring.add(item);
      else seen.add(item);
      if (depth < SHARED_DEPTH && isPlainObject(item)) visit(item, depth + 1);
    }
  };
  for (const value of values) if (isPlainObject(value)) visit(value, 1);
  return recurring;
}

/** Two spaces a level, each indent string made once. */
const indents: string[] = [''];
function indentAt(level: number): string {
  let indent = indents[level];
  if (indent === undefined) indents[level] = indent = `${indentAt(level - 1)}  `;
  return indent;
}

/**
 * Appends a non-empty map's lines at indentation `level`; the first line
 * starts with `first` instead of the indent (behind a sequence's `- `).
 * Scalars, most of the lines, are written here without a call per value.
 */
function writeMap(map: Record<string, unknown>, level: number, out: Out, first: string | undefined, depth: number): void {
  const keys = Object.keys(map);
  let written = 0;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const item = map[key];
    if (item === undefined) continue;
    const behindDash = written === 0 && first !== undefined;
    written++;
    if (typeof item !== 'object' || item === null) {
      out.parts.push(behindDash ? `${first}${keyText(key)} ` : keyHead(level, key));
      out.parts.push(scalarLine(item, level + 1));
    } else if (behindDash) {
      writeCollection(item, level + 1, out, `${first}${keyText(key)}`, false, depth);
    } else {
      writeCollection(item, level + 1, out, `${indentAt(level)}${keyText(key)}`, false, depth);
    }
  }
  if (written === 0) throw new Unsupported('a map of undefined values only');
}

function writeSeq(seq: readonly unknown[], level: number, out: Out, first: string | undefined, depth: number): void {
  const indent = indentAt(level);
  for (let index = 0; index < seq.length; index++) {
    const item = seq[index];
    if (item === undefined) throw new Unsupported('undefined in a sequence');
    const lead = index === 0 && first !== undefined ? first : indent;
    if (typeof item !== 'object' || item === null) {
      out.parts.push(`${lead}- `);
      out.parts.push(scalarLine(item, level + 1));
    }
    else writeCollection(item, level + 1, out, `${lead}-`, true, depth);
  }
}

/**
 * A map value's or sequence item's collection behind `head` (indent and
 * `key:`, or `-`); `level` is the indentation of what it holds. A map
 * value's collection starts on the next line, under its key; a sequence
 * item's starts on the item's line.
 */
function writeCollection(item: object, level: number, out: Out, head: string, inSeq: boolean, depth: number): void {
  const seq = Array.isArray(item);
  if (!seq && !isPlainObject(item)) throw new Unsupported('object');
  if (seq ? item.length === 0 : !hasKeys(item)) {
    out.parts.push(head);
    out.parts.push(seq ? ' []\n' : ' {}\n');
    return;
  }
  let first: string | undefined;
  if (inSeq) first = `${head} `;
  else {
    out.parts.push(head);
    out.parts.push('\n');
  }
  const sharable = depth <= SHARED_DEPTH && !inSeq && out.shared.recurring.has(item);
  const remembered = sharable ? out.shared.texts.get(item) : undefined;
  if (remembered?.level === level) {
    out.parts.push(remembered.text);
    return;
  }
  // A shared collection is written on its own, to be one part of each document that holds it.
  const into = sharable ? { parts: new PartsWriter(), shared: out.shared } : out;
  if (seq) writeSeq(item as unknown[], level, into, first, depth + 1);
  else writeMap(item as Record<string, unknown>, level, into, first, depth + 1);
  if (sharable) {
    const text = into.parts.text();
    out.parts.push(text);
    out.shared.texts.set(item, { level, text });
  }
}

function hasKeys(value: object): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** A scalar's text and the line break after it. */
function scalarLine(value: unknown, level: number): string {
  if (typeof value === 'string') return stringLine(value, level);
  if (typeof value === 'boolean') return value ? 'true\n' : 'false\n';
  if (value === null) return 'null\n';
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) return `${value}\n`;
  throw new Unsupported(typeof value);
}

/**
 * Control characters, lone surrogates and document markers (`---`, `...`,
 * `%` at a line start) are the library's to write. (Any surrogate sends the
 * text there: rare in a catalog, and simpler than telling pairs apart.)
 */
const LIBRARY_ONLY = /[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]|^(?:%|---|\.\.\.)/m;

/**
 * Text that cannot stay plain: a leading indicator character or space, a lone
 * `-`/`?` or one before a space, `: ` or ` #` inside, a trailing space or
 * colon, whitespace around a line break.
 */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/**
 * The YAML 1.2 core schema's scalar tests (null, booleans, numbers): plain
 * text matching one would not read back as a string. Written out rather than
 * read from the library's schema at start-up; yaml-text.test.ts holds it to
 * the library's tests.
 */
export const NON_STRING =
  /(?:^(?:~|[Nn]ull|NULL)?$)|(?:^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$)|(?:^0o[0-7]+$)|(?:^[-+]?[0-9]+$)|(?:^0x[0-9a-fA-F]+$)|(?:^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$)|(?:^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$)|(?:^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$)/;

const readsAsNonString = (text: string) => NON_STRING.test(text);

/** Longer keys are written as explicit `? ` keys by the library. */
const MAX_IMPLICIT_KEY = 1024;

// Generated documents repeat most one-line texts and keys (references, names,
// the same message in several examples); each is worked out once per run.
const oneLineTexts = new Map<string, string>();
const keyTexts = new Map<string, string>();
const keyHeads: Array<Map<string, string>> = [];
const blockTexts: Array<Map<string, string>> = [];
const MAX_REMEMBERED = 100_000;

/** An indented `key: ` before a scalar, worked out once per level, key and run (the same few keys head most lines). */
function keyHead(level: number, key: string): string {
  let heads = keyHeads[level];
  if (heads === undefined) keyHeads[level] = heads = new Map();
  let head = heads.get(key);
  if (head === undefined) {
    head = `${indentAt(level)}${keyText(key)} `;
    if (heads.size < MAX_REMEMBERED) heads.set(key, head);
  }
  return head;
}

/** `key:` as written in a map, worked out once per key and run. */
function keyText(key: string): string {
  let written = keyTexts.get(key);
  if (written === undefined) {
    if (key.length > MAX_IMPLICIT_KEY || key.includes('\n') || LIBRARY_ONLY.test(key)) throw new Unsupported('key');
    written = `${NOT_PLAIN.test(key) || readsAsNonString(key) ? quoted(key) : key}:`;
    if (keyTexts.size < MAX_REMEMBERED) keyTexts.set(key, written);
  }
  return written;
}

function stringLine(text: string, level: number): string {
  // Most texts were written before: looked up before the text is scanned for a line break.
  let written = oneLineTexts.get(text);
  if (written === undefined) {
    if (text.includes('\n')) return blockLine(text, level);
    if (LIBRARY_ONLY.test(text)) throw new Unsupported('text');
    written = `${NOT_PLAIN.test(text) || readsAsNonString(text) ? quoted(text) : text}\n`;
    if (oneLineTexts.size < MAX_REMEMBERED) oneLineTexts.set(text, written);
  }
  return written;
}

/** A multi-line text as a literal block under `level`, worked out once per level, text and run (placeholder notes repeat). */
function blockLine(text: string, level: number): string {
  let blocks = blockTexts[level];
  if (blocks === undefined) blockTexts[level] = blocks = new Map();
  let written = blocks.get(text);
  if (written === undefined) {
    if (LIBRARY_ONLY.test(text)) throw new Unsupported('text');
    written = `${literalBlock(text, indentAt(level))}\n`;
    if (blocks.size < MAX_REMEMBERED) blocks.set(text, written);
  }
  return written;
}

/** Single quotes when the text holds a double quote and no single one, else double quotes. */
function quoted(text: string): string {
  if (text.includes('"') && !text.includes("'")) return `'${text}'`;
  return JSON.stringify(text);
}

/**
 * Several lines as a literal block with the final line break stripped (`|-`),
 * each line under `indent`, blank lines left empty. Text that starts with a
 * space or line break, or ends in whitespace, needs indentation or chomping
 * indicators: the library's.
 */
function literalBlock(text: string, indent: string): string {
  if (/^[\n ]|[\n\t ]$/.test(text)) throw new Unsupported('block with edge whitespace');
  return `|-\n${indent}${text.replace(/\n+/g, (breaks) => `${breaks}${indent}`)}`;
}
