import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Two `errcat generate` processes on one project at once (a watcher and a
// manual run): neither crashes, neither reads the other's staging files, and
// the end state is what one run leaves.

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/errcat.js');
const exec = promisify(execFile);
/** Pairs started 0 to 150 ms apart; more with ERRCAT_CONCURRENT_PAIRS. */
const PAIRS = Number(process.env.ERRCAT_CONCURRENT_PAIRS ?? 6);

let project: string;
beforeAll(async () => {
  project = mkdtempSync(path.join(tmpdir(), 'errcat-concurrent-'));
  writeFileSync(path.join(project, 'package.json'), '{ "name": "@shop/api", "private": true }\n');
  await exec(process.execPath, [BIN, 'init', '--wire-format', 'batch', '--targets', 'openapi,json-schema'], { cwd: project });
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

const generate = (...args: string[]) =>
  exec(process.execPath, [BIN, 'generate', ...args], { cwd: project }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8', withFileTypes: false })) {
    const at = path.join(dir, entry);
    try {
      files[entry] = readFileSync(at, 'utf8');
    } catch {
      // a folder
    }
  }
  return files;
}

describe('two generate runs at once', () => {
  it('never crash, never interleave, and leave what one run leaves, with no staging file', async () => {
    const first = await generate();
    expect(first.code).toBe(0);
    const alone = snapshot(path.join(project, 'packages'));
    const service = path.join(project, 'spec/shop.yaml');
    const original = readFileSync(service, 'utf8');
    for (let pair = 0; pair < PAIRS; pair += 1) {
      // Alternate the catalog so every pair really writes.
      writeFileSync(service, pair % 2 === 0 ? original.replace('does not exist.', 'does not exist here.') : original);
      const stagger = (pair * 150) / (PAIRS - 1);
      const results = await Promise.all([generate(), new Promise((resolve) => setTimeout(resolve, stagger)).then(() => generate())]);
      for (const result of results) {
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
      }
      expect(await generate('--check')).toMatchObject({ code: 0 });
    }
    writeFileSync(service, original);
    await generate();
    const after = snapshot(path.join(project, 'packages'));
    expect(Object.keys(after).filter((file) => file.includes('.errcat-'))).toEqual([]);
    expect(after).toEqual(alone);
  }, 240_000);

  it('a staging file left by a killed run is neither an output nor an orphan, and the next write removes it', async () => {
    const leftover = path.join(project, 'packages/openapi/.components.yaml.errcat-4242-deadbeef.tmp');
    writeFileSync(leftover, 'half of a file');
    expect(await generate('--check')).toMatchObject({ code: 0 });
    writeFileSync(path.join(project, 'packages/openapi/README.md'), 'edited by hand\n');
    expect(await generate()).toMatchObject({ code: 0 });
    expect(readdirSync(path.dirname(leftover))).not.toContain(path.basename(leftover));
  });
});
