import { execFile } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The CLI runs from its bundle, and the record of a generation fingerprints
// the bundle's folder (dist/bin/) as errcat's code. Run here from a copy of
// the built package that holds only what the bundle runs (no tsc output in
// dist/), which can be edited as a rebuild would change it.

const PACKAGE = path.resolve(import.meta.dirname, '../..');
const RUNTIME = path.resolve(PACKAGE, '../runtime');
const exec = promisify(execFile);

let dir: string;
let errcatDir: string;
let project: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'errcat-fingerprint-bundle-'));
  errcatDir = path.join(dir, 'errcat');
  project = path.join(dir, 'project');
  for (const part of ['bin', 'dist/bin', 'templates', 'package.json']) await cp(path.join(PACKAGE, part), path.join(errcatDir, part), { recursive: true });
  // Its dependencies as installed, but for a copy of @errcat/runtime's build, which a test rebuilds.
  const modules = path.join(PACKAGE, 'node_modules');
  await mkdir(path.join(errcatDir, 'node_modules/@errcat/runtime'), { recursive: true });
  for (const entry of await readdir(modules)) if (entry !== '@errcat') await symlink(path.join(modules, entry), path.join(errcatDir, 'node_modules', entry));
  for (const part of ['package.json', 'dist']) await cp(path.join(RUNTIME, part), path.join(runtimeCopy(), part), { recursive: true });
  await symlink(path.join(RUNTIME, 'node_modules'), path.join(runtimeCopy(), 'node_modules'), 'dir');
  await mkdir(project);
  await writeFile(path.join(project, 'package.json'), '{ "name": "payments-api", "private": true }\n');
  await errcat('init', '--scope', '@payments', '--service', 'payments', '--wire-format', 'batch');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const runtimeCopy = () => path.join(errcatDir, 'node_modules/@errcat/runtime');

/** `errcat generate --timings` from the copy: whether it ran the targets (they show in the timings only on the full path). */
async function errcat(...args: string[]): Promise<{ stdout: string; ranTargets: boolean }> {
  const { stdout, stderr } = await exec(process.execPath, [path.join(errcatDir, 'bin/errcat.js'), ...args], { cwd: project, env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' } });
  return { stdout, ranTargets: stderr.includes('target codes') };
}

describe('the record of a generation, with errcat run from its bundle', () => {
  it('is trusted by the next run of the same errcat', async () => {
    expect((await errcat('generate', '--timings')).ranTargets).toBe(true);
    const again = await errcat('generate', '--timings');
    expect(again.ranTargets).toBe(false);
    expect(again.stdout).toMatch(/: 0 created, 0 updated, 0 removed, \d+ unchanged\n$/);
  });

  it('is not trusted once any of the bundle\'s files has changed, as a rebuild or an edit changes them', async () => {
    const chunks = (await readdir(path.join(errcatDir, 'dist/bin'))).filter((name) => name.endsWith('.js')).sort();
    for (const chunk of [chunks[0]!, chunks.at(-1)!]) {
      expect((await errcat('generate', '--timings')).ranTargets).toBe(false);
      await appendFile(path.join(errcatDir, 'dist/bin', chunk), '\n// rebuilt\n');
      expect((await errcat('generate', '--timings')).ranTargets).toBe(true);
      expect((await errcat('generate', '--check', '--timings')).ranTargets).toBe(false);
    }
  });

  it('is not trusted once @errcat/runtime is rebuilt, even at the same version: the docs bodies are made by it', async () => {
    expect((await errcat('generate', '--timings')).ranTargets).toBe(false);
    await appendFile(path.join(runtimeCopy(), 'dist/envelopes.js'), '\n// rebuilt\n');
    expect((await errcat('generate', '--timings')).ranTargets).toBe(true);
    expect((await errcat('generate', '--timings')).ranTargets).toBe(false);
  });
});
