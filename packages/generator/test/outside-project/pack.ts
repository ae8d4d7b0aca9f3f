// `pnpm pack` of every published package, as a release would publish it.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { must, REPOSITORY } from './commands.js';

/** The packages errcat publishes, by npm name → folder. */
export const PUBLISHED = { errcat: 'packages/generator', '@errcat/runtime': 'packages/runtime' } as const;
export type PublishedName = keyof typeof PUBLISHED;

export interface Tarball {
  name: PublishedName;
  version: string;
  /** Absolute path of the .tgz. */
  file: string;
  /** Paths inside the package, as npm would install them. */
  files: string[];
}

/** Packs every published package into `destination` (a folder outside the repository). Their `dist/` must be built. */
export async function packPublished(destination: string): Promise<Record<PublishedName, Tarball>> {
  const tarballs = {} as Record<PublishedName, Tarball>;
  for (const [name, folder] of Object.entries(PUBLISHED) as Array<[PublishedName, string]>) {
    const cwd = path.join(REPOSITORY, folder);
    if (!existsSync(path.join(cwd, 'dist', 'index.js'))) {
      throw new Error(`${folder}/dist is not built; run \`pnpm --filter errcat --filter @errcat/runtime build\` (pnpm test does)`);
    }
    const result = await must('pnpm', ['pack', '--pack-destination', destination, '--json'], { cwd, timeoutMs: 60_000, guarded: false });
    const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as { name: string; version: string; filename: string; files: Array<{ path: string }> };
    if (report.name !== name) throw new Error(`${folder} packed as ${report.name}, expected ${name}`);
    tarballs[name] = {
      name,
      version: report.version,
      file: path.resolve(destination, report.filename),
      files: report.files.map((entry) => entry.path).sort(),
    };
  }
  return tarballs;
}
