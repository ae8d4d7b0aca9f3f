import type { GeneratedFile } from '../target.js';
import { partsFile, SHARED_DEPTH } from './text-parts.js';

/** JSON as committed: two-space indent, trailing newline, key order as built. */
export function jsonFile(path: string, value: unknown): GeneratedFile {
  return { path, contents: `${JSON.stringify(value, null, 2)}\n` };
}

/** Marks where a shared collection's text goes; a text holding it by chance is written without sharing. */
const PLACEHOLDER = '\u0000errcat-shared-json\u0000';
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

/**
 * Several JSON files as `jsonFile` writes each, where the collections in
 * `shared` (the same objects in several values, at most SHARED_DEPTH deep:
 * the OpenAPI 3.1 and 3.0 documents' responses) are written once per indentation and their text
 * is one part of each file that holds it (see text-parts.ts): at 10,000
 * codes the responses are 10 MB of JSON.
 */
export function jsonFiles(files: ReadonlyArray<readonly [string, unknown]>, shared: ReadonlySet<object>): GeneratedFile[] {
  const texts = new Map<object, Map<number, string>>();
  return files.map(([path, value]) => {
    const placed: object[] = [];
    const outline = JSON.stringify(outlineOf(value, shared, placed, 0), null, 2);
    const pieces = outline.split(PLACEHOLDER_JSON);
    if (placed.length === 0 || pieces.length !== placed.length + 1) return jsonFile(path, value);
    const parts: string[] = [pieces[0]!];
    placed.forEach((item, index) => {
      // The line it is on so far is its indent and, in a map, its key.
      const line = pieces[index]!.slice(pieces[index]!.lastIndexOf('\n') + 1);
      const depth = (line.length - line.trimStart().length) / 2;
      let byDepth = texts.get(item);
      if (!byDepth) texts.set(item, (byDepth = new Map()));
      let text = byDepth.get(depth);
      if (text === undefined) byDepth.set(depth, (text = indentedJson(item, depth)));
      parts.push(text, pieces[index + 1]!);
    });
    parts.push('\n');
    return partsFile(path, parts);
  });
}

/**
 * `value` with each shared collection near the top replaced by PLACEHOLDER,
 * pushed onto `placed` in the order JSON meets them. The maps on the way are
 * copied, the rest kept as is: stringified without a replacer, the bulk of
 * the document (its schemas) costs no call per value.
 */
function outlineOf(value: unknown, shared: ReadonlySet<object>, placed: object[], depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (shared.has(value)) {
    placed.push(value);
    return PLACEHOLDER;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (depth >= SHARED_DEPTH || (prototype !== Object.prototype && prototype !== null)) return value;
  const map = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(map)) copy[key] = outlineOf(map[key], shared, placed, depth + 1);
  return copy;
}

/**
 * `value`'s JSON as it reads `depth` levels deep in a two-space-indented
 * document: stringified inside as many wrappers, which are then cut off,
 * so no second pass re-indents it.
 */
function indentedJson(value: object, depth: number): string {
  let wrapped: unknown = value;
  for (let level = 0; level < depth; level++) wrapped = { '': wrapped };
  const text = JSON.stringify(wrapped, null, 2);
  let head = 0;
  let tail = 0;
  for (let level = 0; level < depth; level++) {
    head += 2 + 2 * (level + 1) + 4; // `{\n`, the indent, `"": `
    tail += 1 + 2 * level + 1; // `\n`, the indent, `}`
  }
  return text.slice(head, text.length - tail);
}
