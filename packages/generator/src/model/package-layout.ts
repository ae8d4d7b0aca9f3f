import path from 'node:path';
import type { RawSettings, TargetName } from '../spec/raw-spec.js';
import type { PackageLayout } from './catalog.js';

export const TARGET_ORDER: readonly TargetName[] = ['codes', 'openapi', 'json-schema', 'express', 'fastify', 'docs'];

/** Where packages go when the spec does not say. */
export const DEFAULT_OUTPUT = 'packages/{target}';

/** Every target's package name and folder, from `output`, `packages` and the scope. */
export function resolvePackages(raw: Pick<RawSettings, 'scope' | 'output' | 'packages'>): Record<TargetName, PackageLayout> {
  const output = raw.output ?? DEFAULT_OUTPUT;
  const entries = TARGET_ORDER.map((target): [TargetName, PackageLayout] => {
    const own = raw.packages?.[target];
    const name = own?.name ?? target;
    const dir = own?.dir ?? output.replaceAll('{target}', target).replaceAll('{name}', name);
    return [target, { name: `${raw.scope}/${name}`, dir: layoutDir(dir) }];
  });
  return Object.fromEntries(entries) as Record<TargetName, PackageLayout>;
}

/** `./packages//codes/` → `packages/codes`: one spelling per folder, so folders compare as text. */
export function layoutDir(dir: string): string {
  return path.posix.normalize(dir.replaceAll('\\', '/')).replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}
