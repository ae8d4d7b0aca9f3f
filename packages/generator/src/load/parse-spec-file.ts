import jsYaml from 'js-yaml';
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

/**
 * YAML text → data with positions. Syntax errors and duplicate keys are all
 * reported, never thrown.
 *
 * Two parsers, each for what it does best: js-yaml reads the data about ten
 * times faster than `yaml`, which matters for catalogs of thousands of codes;
 * `yaml` keeps source positions and reports every syntax error at once, so it
 * runs only when something must be located, which valid specs never need.
 * Both read YAML 1.2's core schema, so `2017-02-01` stays text.
 */
export function parseSpecFile({ file, text }: SpecText): ParseResult {
  let data: unknown;
  let diagnostics: Diagnostic[] = [];
  try {
    data = jsYaml.load(text, { filename: file, schema: jsYaml.CORE_SCHEMA });
  } catch (error) {
    diagnostics = syntaxDiagnostics(file, text, error);
    // Duplicate keys alone leave the file readable (the last one wins), so
    // every other problem in it can still be reported in the same run.
    if (!diagnostics.every((entry) => entry.id === 'duplicateKey')) return { parsed: undefined, diagnostics };
    data = jsYaml.load(text, { filename: file, schema: jsYaml.CORE_SCHEMA, json: true });
  }
  if (data === undefined || data === null) {
    return { parsed: undefined, diagnostics: [diagnostic('emptyFile', { file, line: 0, column: 0 }, {})] };
  }
  let positions: PositionIndex | undefined;
  return {
    parsed: {
      file,
      data,
      locate: (path, part = 'value') => {
        positions ??= new PositionIndex(file, text);
        return positions.locate(path, part);
      },
    },
    diagnostics,
  };
}

/** Every syntax problem in the file, with positions; js-yaml stops at the first, `yaml` finds all. */
function syntaxDiagnostics(file: string, text: string, error: unknown): Diagnostic[] {
  const index = new PositionIndex(file, text);
  const found = index.errors();
  if (found.length > 0) return found;
  // The two parsers disagree (rare edge of the YAML spec): report what js-yaml saw.
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? String(error);
  const at = { file, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 };
  if (/duplicated mapping key/.test(reason)) return [diagnostic('duplicateKey', at, { key: duplicateKeyAt(text, index.offsetOf(at)) })];
  return [diagnostic('yamlSyntax', at, { detail: reason })];
}

class PositionIndex {
  private readonly lineCounter = new LineCounter();
  private readonly doc: Document;
  private lines: string[] | undefined;

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  }

  /**
   * Every YAML error, one per top-level block: after a syntax error the
   * parser objects to much of what follows in the same block (one tab can
   * yield dozens of errors), so later ones there are counted, not listed.
   */
  errors(): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    let current: { block: number; first: Diagnostic; more: number } | undefined;
    const flush = () => {
      if (current && current.more > 0) current.first.message += ` (${current.more} more YAML error${current.more === 1 ? '' : 's'} follow in this block, most likely caused by this one)`;
    };
    for (const error of this.doc.errors) {
      const at = this.position(error.pos[0]);
      const block = this.topLevelBlockOf(at.line);
      if (current && current.block === block && current.first.id === 'yamlSyntax') {
        current.more += 1;
        continue;
      }
      const entry =
        error.code === 'DUPLICATE_KEY'
          ? diagnostic('duplicateKey', at, { key: duplicateKeyAt(this.text, error.pos[0]) })
          : diagnostic('yamlSyntax', at, {
              detail: error.code === 'MULTIPLE_DOCS' ? 'a spec file holds one YAML document; remove the `---` separator or move the rest to a file of its own' : firstLine(error.message),
            });
      if (!current || current.block !== block || entry.id === 'yamlSyntax') {
        flush();
        current = { block, first: entry, more: 0 };
      }
      diagnostics.push(entry);
    }
    flush();
    return diagnostics;
  }

  /** The line of the top-level key (column 1) whose block holds `line`. */
  private topLevelBlockOf(line: number): number {
    this.lines ??= this.text.split('\n');
    for (let index = Math.min(line, this.lines.length) - 1; index >= 0; index--) {
      if (/^[^\s#-]/.test(this.lines[index] ?? '')) return index + 1;
    }
    return 0;
  }

  locate(path: SpecPath, part: 'key' | 'value'): SourcePosition {
    return this.position(offsetOf(this.doc, path, part));
  }

  offsetOf(at: SourcePosition): number {
    const lineStart = this.lineCounter.lineStarts[at.line - 1] ?? 0;
    return lineStart + at.column - 1;
  }

  private position(offset: number): SourcePosition {
    const { line, col } = this.lineCounter.linePos(offset);
    return { file: this.file, line, column: col };
  }
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
