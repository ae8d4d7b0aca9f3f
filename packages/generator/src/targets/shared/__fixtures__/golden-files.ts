import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { GeneratedFile } from '../../target.js';

/**
 * The golden-file checks every target runs on its fixture output: each file
 * equals its golden (a real file under `goldenDir`, type-checked where it is
 * TypeScript), no golden is left that the target no longer produces, and the
 * raw output has no doubled blank lines or trailing spaces (no formatter
 * runs after a target to hide them).
 */
export function itMatchesGoldenFiles(files: readonly GeneratedFile[], packageDir: string, goldenDir: string): void {
  const relative = (file: GeneratedFile) => path.posix.relative(packageDir, file.path);

  it.each(files.map((file) => [relative(file), file.contents]))('matches the golden %s', async (name, contents) => {
    await expect(contents).toMatchFileSnapshot(path.join(goldenDir, name));
  });

  it('leaves no golden file that it no longer generates', () => {
    const produced = new Set(files.map(relative));
    const goldens = readdirSync(goldenDir, { recursive: true, encoding: 'utf8' })
      .filter((entry) => statSync(path.join(goldenDir, entry)).isFile())
      .map((entry) => entry.split(path.sep).join('/'));
    expect(goldens.filter((entry) => !produced.has(entry))).toEqual([]);
  });

  it('has no doubled blank lines or trailing spaces before any formatter', () => {
    for (const file of files) {
      expect(file.contents, file.path).not.toMatch(/\n\n\n/);
      expect(file.contents, file.path).not.toMatch(/[ \t]+\n/);
    }
  });
}
