import type { Catalog, TargetName } from '../model/catalog.js';

/** A file a target produces: a path relative to the workspace root (POSIX separators) and its full text. */
export interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
}

/** Everything a target may read. Targets do no I/O; the CLI gathers this first. */
export interface TargetInput {
  readonly catalog: Catalog;
  /** Handlebars template sources by file name (`codes.README.md.hbs`). */
  readonly templates: Readonly<Record<string, string>>;
  /** Current `version` of each generated package, so changesets' bumps survive regeneration. */
  readonly versions: Readonly<Record<string, string>>;
  /** Version range the generated packages use for `@errcat/runtime`. */
  readonly runtimeVersion: string;
}

export interface Target {
  readonly name: TargetName;
  /** The folder this target owns entirely (apart from build output and installed modules). */
  readonly packageDir: string;
  /** Template files (in templates/) this target renders; checked before any target runs. */
  readonly templates: readonly string[];
  generate(input: TargetInput): GeneratedFile[];
}
