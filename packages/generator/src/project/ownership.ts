import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { OWNER_MARK } from '../targets/shared/package-manifest.js';
import { NOT_OWNED } from '../writer/output-files.js';
import { readJson } from './detect-project.js';

/**
 * The package folders errcat may not write into: folders that hold files
 * while their package.json lacks errcat's mark. A folder that does not
 * exist, or holds only build output and installed modules, is free.
 */
export async function foreignFolders(root: string, dirs: readonly string[]): Promise<string[]> {
  const foreign: string[] = [];
  for (const dir of dirs) {
    const entries = await readdir(path.join(root, dir)).catch(() => [] as string[]);
    if (entries.every((name) => NOT_OWNED.has(name))) continue;
    const manifest = await readJson(path.join(root, dir, 'package.json'));
    const mark = manifest?.errcat as { generated?: unknown } | undefined;
    if (mark?.generated !== OWNER_MARK.generated) foreign.push(dir);
  }
  return foreign;
}
