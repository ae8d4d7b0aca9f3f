import jsYaml from 'js-yaml';
import type { Document, Node, YAMLError } from 'yaml';
import { diagnostic, type Diagnostic, type SourcePosition } from '../diagnostics/diagnostic.js';
import { inspectData, MAX_ALIASES, MAX_ALIAS_EXPANSION, mayShareOrSplit } from './inspect-data.js';
import { offsetTooDeep } from './nesting-depth.js';
import type { SpecText } from './read-spec-dir.js';
import { lazily } from '../util/lazy-load.js';

// `yaml` keeps positions and finds every syntax error, which only a spec
// with a problem needs: it is loaded then, not at every start.
const yaml = lazily<typeof import('yaml')>('yaml');

/** Levels of nesting errcat reads; a spec file needs about eight. */
export const MAX_NESTING = 64;

/** Characters YAML does not allow in text (tab, line feed and carriage return aside). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** What the `yaml` parser says when a quote or flow collection never closes. */
const UNCLOSED = /Missing closing .?quote|must be sufficiently indented and end with|Expected flow (?:map|sequence) to end/;

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
  // Before any parser: both recurse once per level of nesting.
  const tooDeep = offsetTooDeep(text, MAX_NESTING);
  if (tooDeep !== undefined) return { parsed: undefined, diagnostics: [diagnostic('nestingTooDeep', positionIn(file, text, tooDeep), { limit: MAX_NESTING })] };
  let data: unknown;
  let diagnostics: Diagnostic[] = [];
  let positions: PositionIndex | undefined;
  const index = () => (positions ??= new PositionIndex(file, text));
  try {
    data = jsYaml.load(text, { filename: file, schema: jsYaml.CORE_SCHEMA });
  } catch (error) {
    diagnostics = syntaxDiagnostics(index(), error);
    // Duplicate keys alone leave the file readable (the last one wins), so
    // every other problem in it can still be reported in the same run.
    if (!diagnostics.every((entry) => entry.id === 'duplicateKey')) return { parsed: undefined, diagnostics };
    try {
      data = jsYaml.load(text, { filename: file, schema: jsYaml.CORE_SCHEMA, json: true });
    } catch (other) {
      // Something only js-yaml objects to (an unknown tag, an alias without an anchor, a control character).
      return { parsed: undefined, diagnostics: [...diagnostics, jsYamlDiagnostic(index(), other)] };
    }
  }
  if (data === undefined || data === null) {
    return { parsed: undefined, diagnostics: [diagnostic('emptyFile', { file, line: 0, column: 0 }, {})] };
  }
  // js-yaml shares the value of an alias rather than copying it: a value
  // that contains itself, or aliases of aliases, must be caught before
  // anything walks or prints the data as a tree. (Only a file whose text
  // can hold an alias or half a surrogate pair is walked for them.)
  const found = mayShareOrSplit(text) ? inspectData(data) : undefined;
  if (found?.cycle) {
    const alias = index().aliasInsideItsAnchor();
    return { parsed: undefined, diagnostics: [...diagnostics, diagnostic('aliasLoop', alias?.at ?? positionIn(file, text, 0), { alias: alias?.name ?? '?' })] };
  }
  if (found && (found.aliases > MAX_ALIASES || found.expandedSize - found.distinctSize > MAX_ALIAS_EXPANSION)) {
    const first = index().firstAlias();
    return {
      parsed: undefined,
      diagnostics: [...diagnostics, diagnostic('aliasExpansion', first ?? positionIn(file, text, 0), { aliases: found.aliases, size: found.expandedSize, maxAliases: MAX_ALIASES, maxSize: MAX_ALIAS_EXPANSION })],
    };
  }
  const locate = (path: SpecPath, part: 'key' | 'value' = 'value') => index().locate(path, part);
  for (const { path, part } of found?.lonelySurrogates ?? []) diagnostics.push(diagnostic('notUtf8Text', locate(path, part), {}));
  return { parsed: { file, data, locate }, diagnostics };
}

function positionIn(file: string, text: string, offset: number): SourcePosition {
  let line = 1;
  let start = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    start = at + 1;
  }
  return { file, line, column: offset - start + 1 };
}

/** Every syntax problem in the file, with positions; js-yaml stops at the first, `yaml` finds all. */
function syntaxDiagnostics(index: PositionIndex, error: unknown): Diagnostic[] {
  const found = index.errors();
  if (found.length > 0) return found;
  // The two parsers disagree (rare edge of the YAML spec): report what js-yaml saw.
  return [jsYamlDiagnostic(index, error)];
}

/** What js-yaml threw, at its position, in words that say what to do. */
function jsYamlDiagnostic(index: PositionIndex, error: unknown): Diagnostic {
  const mark = (error as { mark?: { line: number; column: number; position?: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? String(error);
  // By offset, so that lines are counted as everywhere else (js-yaml also counts a lone `\r` as a line break).
  const at = mark?.position !== undefined ? index.positionOf(mark.position) : { file: index.file, line: (mark?.line ?? 0) + 1, column: (mark?.column ?? 0) + 1 };
  if (/duplicated mapping key/.test(reason)) return diagnostic('duplicateKey', at, { key: duplicateKeyAt(index.text, index.offsetOf(at)) });
  return diagnostic('yamlSyntax', at, { detail: explainJsYaml(reason, index.text, mark?.position) });
}

function explainJsYaml(reason: string, text: string, offset: number | undefined): string {
  const alias = /unidentified alias "(.*)"/.exec(reason);
  if (alias) return `\`*${brief(alias[1]!)}\` reads as an alias, but no anchor \`&${brief(alias[1]!)}\` comes before it; put text that starts with \`*\` in quotes`;
  const tag = /unknown tag !<(?:tag:yaml\.org,2002:)?(.*)>/.exec(reason);
  if (tag) {
    const name = tag[1]!.startsWith('!') ? tag[1]! : `!!${tag[1]}`;
    return `the tag \`${brief(name)}\` is not supported: spec values are text, numbers, true/false, lists and mappings; remove the tag, or quote the text if the \`!\` belongs to it`;
  }
  if (/non-printable|valid JSON character/.test(reason)) {
    // js-yaml's mark is near the character, not always on it: look along its line.
    const start = offset === undefined ? -1 : text.lastIndexOf('\n', offset - 1) + 1;
    const end = offset === undefined ? -1 : text.indexOf('\n', offset);
    const char = start < 0 ? undefined : CONTROL.exec(text.slice(start, end === -1 ? undefined : end))?.[0];
    const code = char ? ` (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})` : '';
    return `a control character${code} cannot appear in YAML text; remove it (it was most likely pasted by accident), or write it as an escape such as \`\\t\` in double quotes`;
  }
  return brief(reason, 200);
}

/** A value as a diagnostic quotes it: at most `max` characters. */
function brief(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

class PositionIndex {
  private readonly lineCounter = new (yaml().LineCounter)();
  private readonly doc: Document;
  /** For each line (0-based), the 1-based line of the top-level key whose block holds it; 0 before the first. */
  private blockOfLine: Int32Array | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    // The parser builds an Error per problem, and a tab-indented catalog has
    // tens of thousands: their stack traces are never read, so none is taken.
    // Duplicate keys are found by `duplicateKeyErrors` in one pass, rather than
    // by the parser comparing each new key with every key before it.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      this.doc = yaml().parseDocument(text, { lineCounter: this.lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
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
    for (const { error, offset, detail } of this.errorsWhereTheyStart()) {
      const at = this.position(offset);
      const block = this.topLevelBlockOf(at.line);
      if (current && current.block === block && current.first.id === 'yamlSyntax') {
        current.more += 1;
        continue;
      }
      const entry =
        error.code === 'DUPLICATE_KEY'
          ? diagnostic('duplicateKey', at, { key: duplicateKeyAt(this.text, error.pos[0]) })
          : diagnostic('yamlSyntax', at, {
              detail:
                detail ??
                (error.code === 'MULTIPLE_DOCS' ? 'a spec file holds one YAML document; remove the `---` separator or move the rest to a file of its own' : firstLine(error.message)),
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

  /**
   * The parser's errors in file order, except that a quote or flow collection
   * that never closes is reported where it opens, not where the parser gave
   * up (often many lines below, or the end of the file).
   */
  private errorsWhereTheyStart(): Array<{ error: Pick<YAMLError, 'code' | 'message' | 'pos'>; offset: number; detail: string | undefined }> {
    const unclosed = this.doc.errors.some((error) => UNCLOSED.test(error.message)) ? this.openingsByEnd() : new Map<number, { start: number; opener: string }>();
    const entries = [...this.doc.errors, ...this.duplicateKeyErrors()].map((error) => {
      const opening = UNCLOSED.test(error.message) ? unclosed.get(error.pos[0]) : undefined;
      if (!opening) return { error, offset: error.pos[0], detail: undefined };
      const detail =
        opening.opener === '"' || opening.opener === "'"
          ? `the ${opening.opener} quote that opens here is never closed; close it, or quote with the other kind of quote if the text holds this one`
          : `the \`${opening.opener}\` that opens here is never closed with \`${opening.opener === '[' ? ']' : '}'}\``;
      return { error, offset: opening.start, detail };
    });
    return entries.sort((a, b) => a.offset - b.offset);
  }

  /** A key repeated in its mapping, at the repetition; each mapping's keys in a set, so one pass over the file. */
  private duplicateKeyErrors(): Array<Pick<YAMLError, 'code' | 'message' | 'pos'>> {
    const found: Array<Pick<YAMLError, 'code' | 'message' | 'pos'>> = [];
    yaml().visit(this.doc, {
      Map: (_key, node) => {
        const seen = new Set<string>();
        for (const item of node.items) {
          if (!yaml().isScalar(item.key)) continue;
          const key = `${typeof item.key.value}:${String(item.key.value)}`;
          if (seen.has(key)) found.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [item.key.range?.[0] ?? 0, item.key.range?.[1] ?? 0] });
          seen.add(key);
        }
      },
    });
    return found;
  }

  /** Quoted scalars and flow collections by the offset where they end: the outermost for each end. */
  private openingsByEnd(): Map<number, { start: number; opener: string }> {
    const openings = new Map<number, { start: number; opener: string }>();
    const add = (node: Node) => {
      const range = node.range;
      if (!range || openings.has(range[1])) return;
      openings.set(range[1], { start: range[0], opener: this.text[range[0]] ?? '' });
    };
    yaml().visit(this.doc, {
      Scalar: (_key, node) => {
        if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') add(node);
      },
      Map: (_key, node) => {
        if (node.flow) add(node);
      },
      Seq: (_key, node) => {
        if (node.flow) add(node);
      },
    });
    return openings;
  }

  /** The line of the top-level key (column 1) whose block holds `line`: one pass over the text, then a lookup per error. */
  private topLevelBlockOf(line: number): number {
    if (!this.blockOfLine) {
      const lines = this.text.split('\n');
      this.blockOfLine = new Int32Array(lines.length);
      let block = 0;
      for (const [index, text] of lines.entries()) {
        if (/^[^\s#-]/.test(text)) block = index + 1;
        this.blockOfLine[index] = block;
      }
    }
    return this.blockOfLine[Math.min(line, this.blockOfLine.length) - 1] ?? 0;
  }

  /** The first alias in the file, where a file's aliases expand too far. */
  firstAlias(): SourcePosition | undefined {
    let found: number | undefined;
    yaml().visit(this.doc, {
      Alias: (_key, node) => {
        found = node.range?.[0];
        return yaml().visit.BREAK;
      },
    });
    return found === undefined ? undefined : this.position(found);
  }

  /** An alias inside the value its anchor names (`&a [*a]`): that value never ends. */
  aliasInsideItsAnchor(): { name: string; at: SourcePosition } | undefined {
    let found: { name: string; offset: number } | undefined;
    yaml().visit(this.doc, {
      Alias: (_key, node, path) => {
        if (path.some((ancestor) => yaml().isNode(ancestor) && (yaml().isCollection(ancestor) || yaml().isScalar(ancestor)) && ancestor.anchor === node.source)) {
          found = { name: node.source, offset: node.range?.[0] ?? 0 };
          return yaml().visit.BREAK;
        }
        return undefined;
      },
    });
    return found && { name: found.name, at: this.position(found.offset) };
  }

  locate(path: SpecPath, part: 'key' | 'value'): SourcePosition {
    return this.position(offsetOf(this.doc, path, part));
  }

  offsetOf(at: SourcePosition): number {
    const lineStart = this.lineCounter.lineStarts[at.line - 1] ?? 0;
    return lineStart + at.column - 1;
  }

  positionOf(offset: number): SourcePosition {
    return this.position(Math.min(offset, this.text.length));
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
    if (yaml().isMap(node)) {
      const pair = node.items.find((item) => yaml().isPair(item) && yaml().isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return offset;
      if (last && part === 'key') return rangeStart(pair.key, offset);
      node = pair.value;
      offset = rangeStart(node, rangeStart(pair.key, offset));
    } else if (yaml().isSeq(node) && typeof segment === 'number') {
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
