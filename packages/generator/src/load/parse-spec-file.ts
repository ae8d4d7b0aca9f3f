import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic, type SourcePosition } from '../diagnostics/diagnostic.js';
import type { SpecText } from './read-spec-dir.js';

export type SpecPath = ReadonlyArray<string | number>;

/** A parsed spec file: its plain data and a way back from a data path to a source position. */
export interface ParsedSpecFile {
  file: string;
  data: unknown;
  /** Position of the value at `path` (or of its key, for `part: 'key'`); the nearest existing ancestor when absent. */
  locate(path: SpecPath, part?: 'key' | 'value'): SourcePosition;
}

export interface ParseResult {
  parsed: ParsedSpecFile | undefined;
  diagnostics: Diagnostic[];
}

/** YAML text → data with positions. Syntax errors and duplicate keys are all reported, never thrown. */
export function parseSpecFile({ file, text }: SpecText): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const diagnostics = doc.errors.map((error) => {
    const at = position(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') return diagnostic('duplicateKey', at, { key: duplicateKeyAt(text, error.pos[0]) });
    return diagnostic('yamlSyntax', at, { detail: firstLine(error.message) });
  });
  if (diagnostics.length > 0) return { parsed: undefined, diagnostics };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return { parsed: undefined, diagnostics: [diagnostic('emptyFile', { file, line: 0, column: 0 }, {})] };
  }
  return {
    parsed: {
      file,
      data: doc.toJS({ maxAliasCount: 100 }),
      locate: (path, part = 'value') => position(offsetOf(doc, path, part)),
    },
    diagnostics: [],
  };
}

function offsetOf(doc: Document, path: SpecPath, part: 'key' | 'value'): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return offset;
      if (last && part === 'key') return rangeStart(pair.key, offset);
      node = pair.value;
      offset = rangeStart(node, rangeStart(pair.key, offset));
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (node === undefined) return offset;
      offset = rangeStart(node, offset);
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: unknown, fallback = 0): number {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : fallback;
}

function duplicateKeyAt(text: string, offset: number): string {
  const match = /^["']?([^"':\n]+)/.exec(text.slice(offset));
  return match?.[1]?.trim() ?? '?';
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}
