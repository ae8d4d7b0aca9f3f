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
 * Several documents as YAML text. A collection near the top that an earlier
 * document holds too (the same object: the OpenAPI 3.1 and 3.0 documents
 * share their responses and headers) is written once and its text reused.
 */
export function yamlTexts(values: readonly unknown[]): string[] {
  const shared = new Map<object, SharedText>();
  return values.map((value) => fastYamlText(value, shared) ?? YAML.stringify(value, YAML_OPTIONS));
}

/** The text written without the library, or undefined where the library must write it. */
export function fastYamlText(value: unknown, shared = new Map<object, SharedText>()): string | undefined {
  if (!isPlainObject(value) || !hasKeys(value)) return undefined;
  const out: Out = { lines: [], shared };
  try {
    writeMap(value, '', out, '', 1);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return `${out.lines.join('\n')}\n`;
}

interface Out {
  /** Lines so far; an entry may hold several lines (a reused collection's). */
  readonly lines: string[];
  readonly shared: Map<object, SharedText>;
}

/** A collection's lines, written under `inner`. */
interface SharedText {
  readonly inner: string;
  readonly text: string;
}

/** Collections this deep or shallower are remembered for reuse (a document's `components.responses` is at 2). */
const SHARED_DEPTH = 2;

/**
 * Appends a non-empty map's lines; the first line starts with `first`
 * instead of `indent` (behind a sequence's `- `).
 */
function writeMap(map: Record<string, unknown>, indent: string, out: Out, first: string, depth: number): void {
  let written = 0;
  for (const [key, item] of Object.entries(map)) {
    if (item === undefined) continue;
    writeItem(item, `${indent}  `, out, `${written === 0 ? first : indent}${keyText(key)}:`, false, depth);
    written++;
  }
  if (written === 0) throw new Unsupported('a map of undefined values only');
}

function writeSeq(seq: readonly unknown[], indent: string, out: Out, first: string, depth: number): void {
  seq.forEach((item, index) => {
    if (item === undefined) throw new Unsupported('undefined in a sequence');
    writeItem(item, `${indent}  `, out, `${index === 0 ? first : indent}-`, true, depth);
  });
}

/**
 * One map value or sequence item behind `head` (`key:` or `-`); `inner` is
 * the indent of what it holds. A map value's collection starts on the next
 * line, under its key; a sequence item's starts on the item's line.
 */
function writeItem(item: unknown, inner: string, out: Out, head: string, inSeq: boolean, depth: number): void {
  const collection = Array.isArray(item) ? 'seq' : isPlainObject(item) ? 'map' : undefined;
  if (collection === undefined) {
    out.lines.push(`${head} ${scalarText(item, inner)}`);
    return;
  }
  const empty = collection === 'seq' ? (item as unknown[]).length === 0 : !hasKeys(item as object);
  if (empty) {
    out.lines.push(`${head} ${collection === 'seq' ? '[]' : '{}'}`);
    return;
  }
  let first = `${head} `;
  if (!inSeq) {
    out.lines.push(head);
    first = inner;
  }
  const remembered = depth <= SHARED_DEPTH && !inSeq ? out.shared.get(item as object) : undefined;
  if (remembered?.inner === inner) {
    out.lines.push(remembered.text);
    return;
  }
  const start = out.lines.length;
  if (collection === 'seq') writeSeq(item as unknown[], inner, out, first, depth + 1);
  else writeMap(item as Record<string, unknown>, inner, out, first, depth + 1);
  if (depth <= SHARED_DEPTH && !inSeq) {
    const text = out.lines.slice(start).join('\n');
    out.lines.length = start;
    out.lines.push(text);
    out.shared.set(item as object, { inner, text });
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

function scalarText(value: unknown, indent: string): string {
  if (typeof value === 'string') return valueString(value, indent);
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

function keyText(key: string): string {
  if (key.length > MAX_IMPLICIT_KEY || key.includes('\n') || LIBRARY_ONLY.test(key)) throw new Unsupported('key');
  return NOT_PLAIN.test(key) || readsAsNonString(key) ? quoted(key) : key;
}

// Generated documents repeat most one-line texts (references, names, the
// same message in several examples); each is worked out once per run.
const oneLineTexts = new Map<string, string>();
const MAX_REMEMBERED = 100_000;

function valueString(text: string, indent: string): string {
  if (text.includes('\n')) {
    if (LIBRARY_ONLY.test(text)) throw new Unsupported('text');
    return literalBlock(text, indent);
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
