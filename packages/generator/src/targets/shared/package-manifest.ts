import type { Catalog, TargetName } from '../../model/catalog.js';
import type { GeneratedFile, TargetInput } from '../target.js';
import { jsonFile } from './json-file.js';

export interface ManifestOptions {
  /** The target whose package this is: its name and folder come from the settings. */
  target: TargetName;
  description: string;
  /** `exports` map, `types` first in every condition. */
  exports: Record<string, unknown>;
  files: string[];
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional: boolean }>;
  devDependencies?: Record<string, string>;
  keywords?: string[];
  main?: string;
  types?: string;
}

/** The npm name of a target's package: `@azure-errors/codes`. */
/** The version a generated package starts at, before changesets bump it. */
export const INITIAL_VERSION = '0.0.0';

export function packageName(catalog: Catalog, target: TargetName): string {
  return catalog.settings.packages[target].name;
}

/** The Node versions `@errcat/runtime`, and so every generated package, runs on. */
export const NODE_ENGINES = '>=20.19';

/**
 * For packages that ship as generated: a `build` script all the same, because
 * `npm run build --workspaces` (and yarn's, pnpm's `-r`) fail on a workspace
 * without one.
 */
const NOTHING_TO_BUILD: Readonly<Record<string, string>> = { build: 'echo "nothing to build: this package ships as generated"' };

/** The targets whose package ships as generated: their build does nothing and leaves no output (see `projectFiles`). */
export const SHIPS_AS_GENERATED: ReadonlySet<TargetName> = new Set<TargetName>(['openapi', 'json-schema', 'docs']);

/** The field that marks a folder as errcat's: `generate` writes only into folders whose package.json carries it. */
export const OWNER_MARK = { generated: true } as const;

/** A generated package's package.json, built as an object so its shape is typed and its order fixed. */
export function packageManifest(input: TargetInput, options: ManifestOptions): GeneratedFile {
  const { name, dir } = input.catalog.settings.packages[options.target];
  const { license, author, repository, homepage } = input.catalog.settings.metadata;
  const manifest = {
    name,
    version: input.versions[name] ?? INITIAL_VERSION,
    description: options.description,
    type: 'module',
    ...(license ? { license } : {}),
    ...(author ? { author } : {}),
    ...(repository ? { repository: { type: 'git', url: repository, directory: dir } } : {}),
    ...(homepage ? { homepage } : {}),
    keywords: options.keywords ?? [],
    sideEffects: false,
    engines: { node: NODE_ENGINES },
    ...(options.main ? { main: options.main } : {}),
    ...(options.types ? { types: options.types } : {}),
    exports: { ...options.exports, './package.json': './package.json' },
    files: options.files,
    ...(options.scripts ? { scripts: options.scripts } : SHIPS_AS_GENERATED.has(options.target) ? { scripts: NOTHING_TO_BUILD } : {}),
    ...(options.dependencies ? { dependencies: options.dependencies } : {}),
    ...(options.peerDependencies ? { peerDependencies: options.peerDependencies } : {}),
    ...(options.peerDependenciesMeta ? { peerDependenciesMeta: options.peerDependenciesMeta } : {}),
    ...(options.devDependencies ? { devDependencies: options.devDependencies } : {}),
    errcat: OWNER_MARK,
  };
  return jsonFile(`${dir}/package.json`, manifest);
}
