import type { Catalog } from '../../model/catalog.js';
import type { GeneratedFile, TargetInput } from '../target.js';
import { jsonFile } from './json-file.js';

export interface ManifestOptions {
  /** Last part of the npm name: `codes` → `@azure-errors/codes`. */
  packageName: string;
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

export function packageName(catalog: Catalog, name: string): string {
  return `${catalog.settings.scope}/${name}`;
}

/** A generated package's package.json, built as an object so its shape is typed and its order fixed. */
export function packageManifest(packageDir: string, input: TargetInput, options: ManifestOptions): GeneratedFile {
  const name = packageName(input.catalog, options.packageName);
  const manifest = {
    name,
    version: input.versions[name] ?? '0.0.0',
    description: options.description,
    type: 'module',
    license: 'MIT',
    keywords: options.keywords ?? [],
    sideEffects: false,
    ...(options.main ? { main: options.main } : {}),
    ...(options.types ? { types: options.types } : {}),
    exports: { ...options.exports, './package.json': './package.json' },
    files: options.files,
    ...(options.scripts ? { scripts: options.scripts } : {}),
    ...(options.dependencies ? { dependencies: options.dependencies } : {}),
    ...(options.peerDependencies ? { peerDependencies: options.peerDependencies } : {}),
    ...(options.peerDependenciesMeta ? { peerDependenciesMeta: options.peerDependenciesMeta } : {}),
    ...(options.devDependencies ? { devDependencies: options.devDependencies } : {}),
    errcat: { generated: true },
  };
  return jsonFile(`${packageDir}/package.json`, manifest);
}
