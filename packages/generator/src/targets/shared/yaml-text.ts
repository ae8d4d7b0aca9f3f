// YAML text for generated documents (the OpenAPI components), the same bytes
// as the `yaml` library's `stringify(value, YAML_OPTIONS)` but written
// directly from the data: at 10,000 codes the library builds a node tree of
// millions of nodes and spends seconds on it. Only the shapes generated
// documents have are written here (block maps and sequences; plain, quoted
// and literal-block strings; integers, booleans, null); on anything else the
// whole document goes to the library, so the output never depends on which
// path wrote it. yaml-text.test.ts holds the two to the same bytes.

import YAML, { type ScalarTag } from 'yaml';

/** What generated YAML is written with: no line folding, no anchors for repeated objects. */
export const YAML_OPTIONS = { lineWidth: 0, aliasDuplicateObjects: false } as const;

/** A value this writer leaves to the library. */
class Unsupported extends Error {}

/** The document as YAML text, ending in a line break. */
export function yamlText(value: unknown): string {
  return yamlTexts([value])[0]!;
}

/**
 * Several documents as YAML text, each behind `prefix` (text ending in a line
 * break, such as the generated-file comment: written into the same string,
 * so that no multi-megabyte text is copied again to put it in front). A
 * collection near the top that an earlier document holds too (the same
 * object: the OpenAPI 3.1 and 3.0 documents share their responses and
 * headers) is written once and its text reused.
 */
export function yamlTexts(values: readonly unknown[], prefix = ''): string[] {
  const shared = new Map<object, SharedText>();
  return values.map((value) => fastYamlText(value, shared, prefix) ?? `${prefix}${YAML.stringify(value, YAML_OPTIONS)}`);
}

/** The text written without the library, or undefined where the library must write it. */
export function fastYamlText(value: unknown, shared = new Map<object, SharedText>(), prefix = ''): string | undefined {
  if (!isPlainObject(value) || !hasKeys(value)) return undefined;
  if (prefix !== '' && !prefix.endsWith('\n')) throw new Error('a YAML prefix ends in a line break');
  const out: Out = { parts: prefix === '' ? [] : [prefix], shared };
  try {
    writeMap(value, 0, out, undefined, 1);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return out.parts.join('');
}

interface Out {
  /**
   * The text so far, in pieces joined once at the end: a line's indent, key
   * and value are mostly texts worked out before, and joining them into a
   * string per line would make a million short-lived strings at 10,000 codes.
   * A reused collection's text is one piece.
   */
  readonly parts: string[];
  readonly shared: Map<object, SharedText>;
}

/** A collection's lines, written at indentation `level`. */
interface SharedText {
  readonly level: number;
  readonly text: string;
}

/** Collections this deep or shallower are remembered for reuse (a document's `components.responses` is at 2). */
const SHARED_DEPTH = 2;

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
  const indent = indentAt(level);
  const keys = Object.keys(map);
  let written = 0;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const item = map[key];
    if (item === undefined) continue;
    const lead = written === 0 && first !== undefined ? first : indent;
    written++;
    if (typeof item !== 'object' || item === null) out.parts.push(lead, keyText(key), ' ', scalarText(item, level + 1), '\n');
    else writeCollection(item, level + 1, out, lead, keyText(key), false, depth);
  }
  if (written === 0) throw new Unsupported('a map of undefined values only');
}

function writeSeq(seq: readonly unknown[], level: number, out: Out, first: string | undefined, depth: number): void {
  const indent = indentAt(level);
  for (let index = 0; index < seq.length; index++) {
    const item = seq[index];
    if (item === undefined) throw new Unsupported('undefined in a sequence');
    const lead = index === 0 && first !== undefined ? first : indent;
    if (typeof item !== 'object' || item === null) out.parts.push(lead, '- ', scalarText(item, level + 1), '\n');
    else writeCollection(item, level + 1, out, lead, '-', true, depth);
  }
}

/**
 * A map value's or sequence item's collection behind `lead` and `head`
 * (`key:` or `-`); `level` is the indentation of what it holds. A map
 * value's collection starts on the next line, under its key; a sequence
 * item's starts on the item's line.
 */
function writeCollection(item: object, level: number, out: Out, lead: string, head: string, inSeq: boolean, depth: number): void {
  const seq = Array.isArray(item);
  if (!seq && !isPlainObject(item)) throw new Unsupported('object');
  if (seq ? item.length === 0 : !hasKeys(item)) {
    out.parts.push(lead, head, seq ? ' []\n' : ' {}\n');
    return;
  }
  let first: string | undefined;
  if (inSeq) first = `${lead}${head} `;
  else out.parts.push(lead, head, '\n');
  const sharable = depth <= SHARED_DEPTH && !inSeq;
  const remembered = sharable ? out.shared.get(item) : undefined;
  if (remembered?.level === level) {
    out.parts.push(remembered.text);
    return;
  }
  const start = out.parts.length;
  if (seq) writeSeq(item as unknown[], level, out, first, depth + 1);
  else writeMap(item as Record<string, unknown>, level, out, first, depth + 1);
  if (sharable) {
    const text = out.parts.slice(start).join('');
    out.parts.length = start;
    out.parts.push(text);
    out.shared.set(item, { level, text });
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

function scalarText(value: unknown, level: number): string {
  if (typeof value === 'string') return valueString(value, level);
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
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

/** The YAML 1.2 core schema's scalar tests (null, booleans, numbers): plain text matching one would not read back as a string. */
const NON_STRING = new RegExp(
  (new YAML.Document().schema.tags as ScalarTag[])
    .filter((tag) => tag.default === true && tag.tag !== 'tag:yaml.org,2002:str' && tag.test instanceof RegExp)
    .map((tag) => `(?:${tag.test!.source})`)
    .join('|'),
);

const readsAsNonString = (text: string) => NON_STRING.test(text);

/** Longer keys are written as explicit `? ` keys by the library. */
const MAX_IMPLICIT_KEY = 1024;

// Generated documents repeat most one-line texts and keys (references, names, the
// same message in several examples); each is worked out once per run.
const oneLineTexts = new Map<string, string>();
const keyTexts = new Map<string, string>();
const MAX_REMEMBERED = 100_000;

/** `key:` as written in a map, worked out once per key and run (the same few keys head most lines). */
function keyText(key: string): string {
  let written = keyTexts.get(key);
  if (written === undefined) {
    if (key.length > MAX_IMPLICIT_KEY || key.includes('\n') || LIBRARY_ONLY.test(key)) throw new Unsupported('key');
    written = `${NOT_PLAIN.test(key) || readsAsNonString(key) ? quoted(key) : key}:`;
    if (keyTexts.size < MAX_REMEMBERED) keyTexts.set(key, written);
  }
  return written;
}

function valueString(text: string, level: number): string {
  if (text.includes('\n')) {
    if (LIBRARY_ONLY.test(text)) throw new Unsupported('text');
    return literalBlock(text, indentAt(level));
  }
  let written = oneLineTexts.get(text);
  if (written === undefined) {
    if (LIBRARY_ONLY.test(text)) throw new Unsupported('text');
    written = NOT_PLAIN.test(text) || readsAsNonString(text) ? quoted(text) : text;
    if (oneLineTexts.size < MAX_REMEMBERED) oneLineTexts.set(text, written);
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
