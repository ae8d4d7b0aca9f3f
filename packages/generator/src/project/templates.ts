import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareText } from '../util/sort.js';

/** errcat's own templates, shipped in its package beside `dist/`. */
export const DEFAULT_TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface Templates {
  /** By file name: errcat's own, each replaced by the project's file of the same name. */
  readonly sources: Readonly<Record<string, string>>;
  /** The project's files that replaced one of errcat's, by name. */
  readonly overridden: readonly string[];
  /** The project's `.hbs` files that match none of errcat's names (a typo, or a template of an older errcat). */
  readonly unused: readonly string[];
}

/**
 * errcat's templates with the project's overrides: a project's
 * `templates/<name>.hbs` replaces errcat's template of that name and nothing
 * else, so a project overrides one README without copying the rest.
 */
export async function readTemplates(projectTemplateDir: string): Promise<Templates> {
  const [defaults, own] = await Promise.all([
    readHbsFiles(DEFAULT_TEMPLATE_DIR),
    readHbsFiles(projectTemplateDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return {};
      throw error;
    }),
  ]);
  const names = Object.keys(own);
  return {
    sources: { ...defaults, ...own },
    overridden: names.filter((name) => name in defaults),
    unused: names.filter((name) => !(name in defaults)),
  };
}

async function readHbsFiles(dir: string): Promise<Record<string, string>> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.hbs')).sort(compareText);
  const entries = await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name), 'utf8')] as const));
  return Object.fromEntries(entries);
}
