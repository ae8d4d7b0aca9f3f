import type { SpecPath } from './parse-spec-file.js';

/** Shared values (aliases of mappings and lists) errcat reads in one file; a catalog needs none. */
export const MAX_ALIASES = 10_000;
/** Values that aliases may add to a file, counted as if written out. */
export const MAX_ALIAS_EXPANSION = 1_000_000;

export interface DataFacts {
  /** A mapping or list contains itself (`&a [*a]`). */
  cycle: boolean;
  /** How many times a mapping or list is reached again (an alias of it). */
  aliases: number;
  /** Values as parsed, each shared one once. */
  distinctSize: number;
  /** Values as if every alias were written out; never computed by writing them out. */
  expandedSize: number;
  /** Text with half of a UTF-16 surrogate pair (`"\ud800"`), which UTF-8 cannot encode. */
  lonelySurrogates: Array<{ path: SpecPath; part: 'key' | 'value' }>;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Any half of a surrogate pair: a plain scan, far quicker over a whole file than looking around each character. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Whether the data parsed from `text` can hold what `inspectData` looks
 * for. js-yaml shares a value only where an alias (`*name`) names it, and
 * text gets half a surrogate pair only from an escape (`\ud800`) or from a
 * text that has one already (which UTF-8 read from a file never has); a file
 * with neither, as most catalogs are, parses to a plain tree, so the walk
 * over every value is not needed.
 */
export function mayShareOrSplit(text: string): boolean {
  return text.includes('*') || text.includes('\\u') || text.includes('\\U') || (SURROGATE.test(text) && LONE_SURROGATE.test(text));
}

/**
 * One walk over parsed YAML in which every shared value is visited once: the
 * size an alias bomb would expand to is added up, not built, and a value
 * that contains itself is found instead of followed forever.
 */
export function inspectData(data: unknown): DataFacts {
  const facts: DataFacts = { cycle: false, aliases: 0, distinctSize: 0, expandedSize: 0, lonelySurrogates: [] };
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const sizeOf = (value: unknown, path: Array<string | number>): number => {
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) facts.lonelySurrogates.push({ path: [...path], part: 'value' });
    }
    if (typeof value !== 'object' || value === null) {
      facts.distinctSize++;
      return 1;
    }
    const known = sizes.get(value);
    if (known !== undefined) {
      facts.aliases++;
      return known;
    }
    if (open.has(value)) {
      facts.cycle = true;
      return 0;
    }
    open.add(value);
    facts.distinctSize++;
    let size = 1;
    const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && LONE_SURROGATE.test(key)) facts.lonelySurrogates.push({ path: [...path, key], part: 'key' });
      path.push(key);
      size += sizeOf(child, path);
      path.pop();
      if (facts.cycle) break;
    }
    open.delete(value);
    sizes.set(value, size);
    return size;
  };
  facts.expandedSize = sizeOf(data, []);
  return facts;
}
