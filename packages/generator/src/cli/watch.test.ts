import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// `errcat generate --watch` as a person uses it: edit, break, repair, save
// by rename as editors do, Ctrl-C.

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/errcat.js');

let project: string;
beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), 'errcat-watch-'));
  writeFileSync(path.join(project, 'package.json'), '{ "name": "@shop/api", "private": true }\n');
  execFileSync(process.execPath, [BIN, 'init', '--wire-format', 'batch', '--targets', 'openapi,json-schema'], { cwd: project });
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

/** A running watcher whose output can be awaited line by line. */
function startWatch() {
  const child = spawn(process.execPath, [BIN, 'generate', '--watch'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const until = async (what: () => boolean, label: string) => {
    for (let waited = 0; !what(); waited += 50) {
      if (waited > 30_000) throw new Error(`no ${label} after 30 s; stdout: ${stdout}\nstderr: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, until, out: () => stdout, err: () => stderr };
}

/** How many generations printed their summary line. */
const generations = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('generated ')).length;
const service = () => path.join(project, 'spec/shop.yaml');
const components = () => readFileSync(path.join(project, 'packages/openapi/components.yaml'), 'utf8');

describe('errcat generate --watch', () => {
  it('regenerates on each edit, prints diagnostics and goes on for a broken spec, then generates again once repaired; Ctrl-C exits cleanly', async () => {
    const watcher = startWatch();
    try {
      await watcher.until(() => watcher.err().includes('Ctrl-C to stop'), 'start');
      await watcher.until(() => generations(watcher.out()) === 1, 'first generation');
      const original = readFileSync(service(), 'utf8');

      writeFileSync(service(), original.replace('does not exist.', 'does not exist any more.'));
      await watcher.until(() => components().includes('does not exist any more.'), 'generation after an edit');

      writeFileSync(service(), `${original}codes: [\n`);
      await watcher.until(() => watcher.err().includes('nothing was generated; the previous output is untouched'), 'diagnostics');
      expect(watcher.err()).toMatch(/spec\/shop\.yaml:\d+:\d+ error E10[12]/);
      expect(components()).toContain('does not exist any more.');

      // Editors that save by writing a new file and renaming it over the old one.
      const temporary = path.join(project, 'spec/.shop.yaml.swp');
      writeFileSync(temporary, original.replace('does not exist.', 'is gone.'));
      renameSync(temporary, service());
      await watcher.until(() => components().includes('is gone.'), 'generation after a save by rename');
    } finally {
      watcher.child.kill('SIGINT');
    }
    expect(await watcher.exited).toBe(0);
    const leftovers = readdirSync(path.join(project, 'packages'), { recursive: true, encoding: 'utf8' }).filter((file) => file.includes('.errcat-'));
    expect(leftovers).toEqual([]);
  }, 90_000);

  it('regenerates when a root file the project is read from appears (a license under any of its names)', async () => {
    const watcher = startWatch();
    const license = path.join(project, 'packages/openapi/LICENSE');
    try {
      await watcher.until(() => generations(watcher.out()) === 1, 'first generation');
      expect(existsSync(license)).toBe(false);
      writeFileSync(path.join(project, 'LICENSE.md'), 'MIT License\n\nCopyright (c) Shop\n');
      await watcher.until(() => existsSync(license), 'generation after adding LICENSE.md');
      expect(readFileSync(license, 'utf8')).toBe('MIT License\n\nCopyright (c) Shop\n');
    } finally {
      watcher.child.kill('SIGINT');
    }
    expect(await watcher.exited).toBe(0);
  }, 60_000);

  it('is quiet when a save changes nothing', async () => {
    const watcher = startWatch();
    try {
      await watcher.until(() => generations(watcher.out()) === 1, 'first generation');
      writeFileSync(service(), readFileSync(service(), 'utf8'));
      writeFileSync(service(), `${readFileSync(service(), 'utf8')}# a comment\n`);
      // Settle (200 ms), debounce (150 ms) and a generation of this catalog take well under 4 s.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      expect(generations(watcher.out())).toBe(1);
    } finally {
      watcher.child.kill('SIGINT');
    }
    expect(await watcher.exited).toBe(0);
  }, 60_000);
});
