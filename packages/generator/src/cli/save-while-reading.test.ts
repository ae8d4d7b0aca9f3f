import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// An editor that saves in place truncates the file, writes it, and may pause
// in between. A generate that read the half-written file must not write
// from it: it exits 1 saying the file changed, or it read the whole file.

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/errcat.js');
const exec = promisify(execFile);

let project: string;
beforeAll(async () => {
  project = mkdtempSync(path.join(tmpdir(), 'errcat-saving-'));
  writeFileSync(path.join(project, 'package.json'), '{ "name": "@shop/api", "private": true, "workspaces": ["packages/*"] }\n');
  await exec(process.execPath, [BIN, 'init', '--wire-format', 'batch', '--targets', 'openapi,json-schema'], { cwd: project });
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('a spec saved in place while generate reads it', () => {
  it('is never generated from half-written', async () => {
    const file = path.join(project, 'spec/shop.yaml');
    // The first half is a valid catalog on its own: the dangerous case, a half file that validates.
    // It stays on disk for less time than any run takes from reading the spec to its last look at it: a
    // run that read it and finished within the pause would rightly take it for the file as saved.
    const whole = `${readFileSync(file, 'utf8')}  LateCode:\n    status: 409\n    message:\n      en: Written last.\n`;
    const half = readFileSync(file, 'utf8');
    writeFileSync(file, whole);
    const saver = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs'); const [file, half, whole] = process.argv.slice(1);
         const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
         const end = Date.now() + 5000;
         while (Date.now() < end) { fs.writeFileSync(file, half); sleep(5); fs.writeFileSync(file, whole); sleep(240); }`,
        file,
        half,
        whole,
      ],
      { stdio: 'ignore' },
    );
    const outcomes: string[] = [];
    // The last run starts only once the editor is done saving: a fast machine gets through many runs in its 5 s.
    let saving = true;
    const saved = new Promise<void>((resolve) => saver.on('exit', () => resolve()));
    void saved.then(() => (saving = false));
    const generate = async () => {
      const result = await exec(process.execPath, [BIN, 'generate'], { cwd: project }).then(
        () => 'generated',
        (error: { stderr: string }) => (error.stderr.includes('changed while errcat was generating from it') ? 'refused' : `failed: ${error.stderr}`),
      );
      outcomes.push(result);
      if (result === 'generated') expect(readFileSync(path.join(project, 'packages/openapi/components.yaml'), 'utf8')).toContain('LateCode');
    };
    try {
      for (let run = 0; run < 40 && saving; run += 1) await generate();
      await saved;
      await generate();
    } finally {
      saver.kill();
    }
    expect(outcomes.filter((outcome) => outcome.startsWith('failed'))).toEqual([]);
    // While the editor keeps saving, generate refuses; once the save is done, it generates the whole file.
    expect(outcomes).toContain('refused');
    expect(outcomes.at(-1)).toBe('generated');
  }, 120_000);
});
