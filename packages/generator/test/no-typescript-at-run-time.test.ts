import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// errcat prints TypeScript with its own printer: `errcat generate` must not
// load ts-morph or the TypeScript compiler (most of the start-up they cost,
// and an install users need not make).

const PACKAGE = path.resolve(import.meta.dirname, '..');
const REPO = path.resolve(PACKAGE, '../..');
const BIN = path.join(PACKAGE, 'bin/errcat.js');
const HOOK = path.join(import.meta.dirname, 'helpers/record-loaded-modules.cjs');
const TYPESCRIPT = /[\\/]node_modules[\\/](typescript|ts-morph|@ts-morph[\\/]common)[\\/]/;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'errcat-no-typescript-'));
  await cp(path.join(REPO, 'spec'), path.join(dir, 'spec'), { recursive: true });
  await writeFile(path.join(dir, 'package.json'), '{ "name": "no-typescript", "private": true }\n');
});

afterAll(() => rm(dir, { recursive: true, force: true }));

/** The CommonJS modules a node process loaded, run with `args` in `cwd`. */
async function loadedModules(args: readonly string[], cwd: string): Promise<string[]> {
  const record = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.json`);
  // Compile cache off: a cached run loads the same modules, but keep the check plain.
  await promisify(execFile)(process.execPath, ['--require', HOOK, ...args], { cwd, env: { ...process.env, ERRCAT_LOADED_MODULES: record, NODE_DISABLE_COMPILE_CACHE: '1' } });
  return JSON.parse(await readFile(record, 'utf8')) as string[];
}

describe('errcat generate', () => {
  it('writes every TypeScript package without loading ts-morph or TypeScript', async () => {
    const loaded = await loadedModules([BIN, 'generate'], dir);
    expect(await readdir(path.join(dir, 'packages'))).toEqual(expect.arrayContaining(['codes', 'express', 'fastify', 'json-schema']));
    expect(await readFile(path.join(dir, 'packages/codes/src/index.ts'), 'utf8')).toContain('export *');
    expect(loaded.filter((file) => TYPESCRIPT.test(file))).toEqual([]);
  });

  it('would notice: importing ts-morph shows in the same record', async () => {
    const loaded = await loadedModules(['--input-type=module', '-e', "await import('ts-morph');"], PACKAGE);
    expect(loaded.filter((file) => TYPESCRIPT.test(file)).length).toBeGreaterThan(0);
  });
});
