import type { SpecPath } from '../load/parse-spec-file.js';

const keyOf = (path: SpecPath): string => path.map(String).join('\u0000');

/**
 * The places of a spec file the rules cannot know: a value left out because
 * it broke the schema (a wrong type, an invalid value), or a required field
 * the file does not give. The structural check already reported each of
 * them; a rule that would report something absent there says nothing, so one
 * mistake is one diagnostic.
 */
export class UnknownPaths {
  private readonly paths = new Set<string>();
  /** Every proper ancestor of an unknown path. */
  private readonly ancestors = new Set<string>();

  add(path: SpecPath): void {
    this.paths.add(keyOf(path));
    for (let length = 0; length < path.length; length++) this.ancestors.add(keyOf(path.slice(0, length)));
  }

  get size(): number {
    return this.paths.size;
  }

  /** Nothing at `path` or above it was left out: what the rules see there is what the file says (or the file says nothing). */
  isKnown(path: SpecPath): boolean {
    if (this.paths.size === 0) return true;
    for (let length = 0; length <= path.length; length++) if (this.paths.has(keyOf(path.slice(0, length)))) return false;
    return true;
  }

  /** Known, and nothing below `path` was left out either. */
  isWhole(path: SpecPath): boolean {
    return this.isKnown(path) && !this.ancestors.has(keyOf(path));
  }
}
