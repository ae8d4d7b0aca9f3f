import { createRequire } from 'node:module';

// Some packages are needed only on some paths (a spec with a problem, a typo
// to suggest for, a template to compile): each is loaded at its first use
// rather than at every start of errcat. (Node 20.19 and later `require` ES
// modules too.)
const require = createRequire(import.meta.url);

/** A package loaded at its first use: `const yaml = lazily<typeof import('yaml')>('yaml')`, then `yaml().parse(…)`. */
export function lazily<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(specifier) as T);
}

/**
 * The default export of what the build precompiled (a `*.gen.js` beside the
 * module that asks, see scripts/write-precompiled.mjs), or undefined when the
 * build wrote none (a run from the sources).
 */
export async function importPrecompiled<T>(url: URL): Promise<T | undefined> {
  return import(url.href).then(
    (module: { default: T }) => module.default,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ERR_MODULE_NOT_FOUND') return undefined;
      throw error;
    },
  );
}
