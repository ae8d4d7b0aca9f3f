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
  // JSON escapes quotes, backslashes, control characters and lone surrogates;
  // U+2028/U+2029 are escaped too so that older parsers and editors agree.
  const json = JSON.stringify(text);
  return NEEDS_ESCAPE.test(json) ? escapeBidi(json.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')) : json;
}

/** What `quote` escapes beyond JSON (tested first: most text has none). */
const NEEDS_ESCAPE = new RegExp(`[\u2028\u2029${BIDI}]`);

/** A property name in an object literal or type: bare when it can be, else quoted. */
export function propertyName(name: string): string {
  if (name === '__proto__') return `[${quote(name)}]`;
  return IDENTIFIER_NAME.test(name) ? name : quote(name);
}

/** A property name in a type or interface, where `__proto__` is an ordinary name. */
export function typePropertyName(name: string): string {
  return IDENTIFIER_NAME.test(name) ? name : quote(name);
}

/** Text safe inside a JSDoc block: `*\/` cannot close it and no line starts a tag by accident. */
export function docText(text: string): string {
  if (!DOC_ESCAPES.test(text)) return text;
  return escapeBidi(text)
    .replace(/\*\//g, '*\\/')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/^(\s*)@/gm, '$1\\@');
}

/** What `docText` changes (tested first: most text has none). */
const DOC_ESCAPES = new RegExp(`[${BIDI}\r\u2028\u2029@]|\\*/`);

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
 * Loops, not entries, filters and maps, and the one-line width summed rather
 * than the line built to be measured: a catalog's data is hundreds of
 * thousands of values.
 */
export function dataLiteral(value: Data, indent = ''): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return quote(value);
  const inner = `${indent}  `;
  if (isArray(value)) {
    if (value.length === 0) return '[]';
    const items: string[] = [];
    let scalars = true;
    let width = indent.length;
    for (const item of value) {
      const text = dataLiteral(item, inner);
      items.push(text);
      if (scalars) {
        scalars = isScalar(item);
        width += text.length + 2;
      }
    }
    if (scalars && width <= INLINE_WIDTH) return `[${items.join(', ')}]`;
    return `[\n${inner}${items.join(`,\n${inner}`)},\n${indent}]`;
  }
  const parts: string[] = [];
  let scalars = true;
  let width = indent.length + 2;
  for (const key of Object.keys(value)) {
    const item = (value as { readonly [key: string]: Data | undefined })[key];
    if (item === undefined) continue;
    const part = `${propertyName(key)}: ${dataLiteral(item, inner)}`;
    parts.push(part);
    if (scalars) {
      scalars = isScalar(item);
      width += part.length + 2;
    }
  }
  if (parts.length === 0) return '{}';
  // Scalars print on one line (`quote` escapes line breaks), so the object does too.
  if (scalars && width <= INLINE_WIDTH) return `{ ${parts.join(', ')} }`;
  return `{\n${inner}${parts.join(`,\n${inner}`)},\n${indent}}`;
}

function isArray(value: Data): value is readonly Data[] {
  return Array.isArray(value);
}

function isScalar(value: Data): boolean {
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
