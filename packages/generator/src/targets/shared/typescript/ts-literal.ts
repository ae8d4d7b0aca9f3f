import { PartsWriter } from '../text-parts.js';

// Spec text reaches TypeScript source only through these helpers, so that any
// string (quotes, backslashes, `*/`, `${`, backticks, newlines, U+2028, lone
// surrogates) compiles back to itself.

const IDENTIFIER_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Bidirectional formatting controls (embeddings, overrides, isolates, marks):
 * inside source they can make code read differently from how it runs
 * ("Trojan Source", CVE-2021-42574). Literals keep them as `\u` escapes, so
 * the value is unchanged; comments show the escape as text.
 */
const BIDI = '\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069';
const BIDI_CONTROLS = new RegExp(`[${BIDI}]`, 'g');
const escapeBidi = (text: string) => text.replace(BIDI_CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);

/** A double-quoted string literal whose value is exactly `text`. */
export function quote(text: string): string {
  // Most text has nothing to escape: quoted as it is, without a call into JSON.
  if (!ESCAPED.test(text)) return `"${text}"`;
  // JSON escapes quotes, backslashes, control characters and lone surrogates;
  // U+2028/U+2029 are escaped too so that older parsers and editors agree.
  const json = JSON.stringify(text);
  return NEEDS_ESCAPE.test(json) ? escapeBidi(json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')) : json;
}

/** What `quote` escapes beyond JSON (tested first: most text has none). */
const NEEDS_ESCAPE = new RegExp(`[\u2028\u2029${BIDI}]`);
/** Anything `quote` escapes, or may (any surrogate: JSON tells a lone one from a pair). */
const ESCAPED = new RegExp(`["\\\\\u0000-\u001f\ud800-\udfff\u2028\u2029${BIDI}]`);

/** A property name in an object literal or type: bare when it can be, else quoted. */
export function propertyName(name: string): string {
  if (name === '__proto__') return `[${quote(name)}]`;
  return IDENTIFIER_NAME.test(name) ? name : quote(name);
}

/** A property name in a type or interface, where `__proto__` is an ordinary name. */
export function typePropertyName(name: string): string {
  return IDENTIFIER_NAME.test(name) ? name : quote(name);
}

/**
 * Text safe inside a JSDoc block: `*\/` cannot close it, no line starts a tag
 * by accident, and control characters (which no YAML spec can hold, but a
 * catalog built in code can) show as their escapes, as bidi controls do.
 */
export function docText(text: string): string {
  if (!DOC_ESCAPES.test(text)) return text;
  return escapeBidi(text)
    .replace(DOC_CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
    .replace(/\*\//g, '*\\/')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/^(\s*)@/gm, '$1\\@');
}

/** Control characters but tab and line breaks. */
const DOC_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** What `docText` changes (tested first: most text has none). */
const DOC_ESCAPES = new RegExp(`[${BIDI}\r\u2028\u2029@\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\\*/`);

/** A JSDoc block for `text` on one line, or several when it has line breaks; no trailing spaces. */
export function jsDocBlock(text: string, indent = ''): string {
  const lines = docText(text).split('\n');
  if (lines.length === 1) return `/** ${lines[0]} */`;
  return ['/**', ...lines.map((line) => (line ? ` * ${line}` : ' *')), ' */'].join(`\n${indent}`);
}

/** JSON-shaped data. */
export type Data = string | number | boolean | null | readonly Data[] | { readonly [key: string]: Data | undefined };

const INLINE_WIDTH = 100;

/**
 * A TypeScript expression for `value`: objects in key order as given,
 * `undefined` properties left out, short flat objects and arrays on one line.
 * Written a piece at a time into one PartsWriter, not a string per level:
 * a catalog's data is hundreds of thousands of values, several levels deep.
 */
export function dataLiteral(value: Data, indent = ''): string {
  if (isScalar(value)) return scalarLiteral(value);
  // An indent of spaces, as every caller gives, keeps the text plain; anything else is left to isPlainText to read.
  const out = new LiteralWriter(/^ *$/.test(indent));
  writeCollection(value, indent, out);
  const text = out.text();
  lastPlainLiteral = out.plain ? text : undefined;
  return text;
}

/**
 * Whether `text` is the literal `dataLiteral` wrote last and found plain
 * (`isPlainText`) as it wrote it, so that the printer need not read it
 * again: at 10,000 codes a catalog's literal is megabytes, and reading it
 * character by character was a fiftieth of a generation. By value, so any
 * equal text gets the same answer: it is plain either way. A match is
 * forgotten, so that no literal outlives its printing here.
 */
export function isLastPlainLiteral(text: string): boolean {
  if (text !== lastPlainLiteral) return false;
  lastPlainLiteral = undefined;
  return true;
}

let lastPlainLiteral: string | undefined;

/**
 * A literal's pieces, and whether its text is plain: a literal is a structure
 * of `quote`d strings, names, numbers and punctuation, one item a line, which
 * code-block-writer copies as it is, except after a string ending in a
 * backslash, where it reads the escaped backslash before the closing quote as
 * escaping that quote.
 */
class LiteralWriter extends PartsWriter {
  constructor(public plain: boolean) {
    super();
  }

  scalar(value: string | number | boolean | null): string {
    if (typeof value === 'string' && value.endsWith('\\')) this.plain = false;
    return scalarLiteral(value);
  }

  name(key: string): string {
    if (key.endsWith('\\')) this.plain = false;
    return propertyName(key);
  }
}

type DataCollection = readonly Data[] | { readonly [key: string]: Data | undefined };

function scalarLiteral(value: string | number | boolean | null): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

/**
 * Appends a collection's literal at `indent`: on one line when its items are
 * all scalars and the line fits (widths summed, not the line built to be
 * measured), else an item a line. The one-line attempt stops at the first
 * item that rules it out; what it made of the items before is used again.
 */
function writeCollection(value: DataCollection, indent: string, out: LiteralWriter): void {
  const inner = `${indent}  `;
  if (isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return;
    }
    const texts: string[] = [];
    let width = indent.length;
    for (const item of value) {
      if (!isScalar(item)) break;
      const text = out.scalar(item);
      texts.push(text);
      width += text.length + 2;
    }
    if (texts.length === value.length && width <= INLINE_WIDTH) {
      out.push(`[${texts.join(', ')}]`);
      return;
    }
    out.push('[\n');
    for (let index = 0; index < value.length; index++) {
      out.push(inner);
      if (index < texts.length) out.push(texts[index]!);
      else writeItem(value[index]!, inner, out);
      out.push(',\n');
    }
    out.push(indent);
    out.push(']');
    return;
  }
  const keys = Object.keys(value);
  // Each `name: value` of the leading scalar items.
  const parts: string[] = [];
  let width = indent.length + 2;
  let inline = true;
  let count = 0;
  for (const key of keys) {
    const item = value[key];
    if (item === undefined) continue;
    count++;
    if (!inline) continue;
    if (!isScalar(item)) {
      inline = false;
      continue;
    }
    const part = `${out.name(key)}: ${out.scalar(item)}`;
    parts.push(part);
    width += part.length + 2;
  }
  if (count === 0) {
    out.push('{}');
    return;
  }
  // Scalars print on one line (`quote` escapes line breaks), so the object does too.
  if (inline && width <= INLINE_WIDTH) {
    out.push(`{ ${parts.join(', ')} }`);
    return;
  }
  out.push('{\n');
  let index = 0;
  for (const key of keys) {
    const item = value[key];
    if (item === undefined) continue;
    out.push(inner);
    if (index < parts.length) out.push(parts[index]!);
    else {
      out.push(out.name(key));
      out.push(': ');
      writeItem(item, inner, out);
    }
    out.push(',\n');
    index++;
  }
  out.push(indent);
  out.push('}');
}

function writeItem(item: Data, indent: string, out: LiteralWriter): void {
  if (isScalar(item)) out.push(out.scalar(item));
  else writeCollection(item, indent, out);
}

function isArray(value: Data): value is readonly Data[] {
  return Array.isArray(value);
}

function isScalar(value: Data): value is string | number | boolean | null {
  return value === null || typeof value !== 'object';
}

/**
 * A union of types, one member a line when there are several, indented one
 * level under the line it continues (a multi-line member's lines with it).
 */
export function unionType(members: readonly string[]): string {
  if (members.length === 0) return 'never';
  if (members.length === 1) return members[0]!;
  return members.map((member) => `\n  | ${member.replaceAll('\n', '\n  ')}`).join('');
}
