import type { Catalog, TargetName } from '../model/catalog.js';

/** A file a target produces: a path relative to the project root (POSIX separators) and its full text. */
export interface GeneratedFile {
  readonly path: string;
  readonly contents: string;
}

/** How one generated package names another in its dependencies, as the user's package manager resolves it locally. */
export type SiblingProtocol =
  /** pnpm and yarn (berry) workspaces: `workspace:^`, never looked up on the registry. */
  | 'workspace'
  /** npm and yarn classic workspaces: the sibling's own version, which they link from the workspace. */
  | 'version'
  /** No workspace: a `file:` path to the sibling's folder. */
  | 'file';

/** What errcat found out about the project it generates into; gathered by the CLI, read by targets. */
export interface ProjectFacts {
  readonly siblingProtocol: SiblingProtocol;
  /** The root has a turbo.json: each package gets one, so `turbo run build` builds siblings in order. */
  readonly turbo: boolean;
  /** A task turbo must run before building a generated package (`errcat#generate` where errcat is a workspace package). */
  readonly generateTask?: string;
  /** The project's LICENSE text, copied into every package. */
  readonly licenseText?: string;
}

/** Everything a target may read. Targets do no I/O; the CLI gathers this first. */
export interface TargetInput {
  readonly catalog: Catalog;
  /** Handlebars template sources by file name (`codes.README.md.hbs`): errcat's own, overridden by the project's. */
  readonly templates: Readonly<Record<string, string>>;
  /** Current `version` of each generated package, so changesets' bumps survive regeneration. */
  readonly versions: Readonly<Record<string, string>>;
  /** Version range the generated packages use for `@errcat/runtime`. */
  readonly runtimeVersion: string;
  readonly project: ProjectFacts;
}

export interface Target {
  readonly name: TargetName;
  /** Template files this target renders; checked before any target runs. */
  readonly templates: readonly string[];
  generate(input: TargetInput): GeneratedFile[];
}

/** The folder a target owns entirely (apart from build output and installed modules). */
export function packageDir(catalog: Catalog, target: TargetName): string {
  return catalog.settings.packages[target].dir;
}
