import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordPath } from '../writer/fingerprint.js';
import { captureIo, runErrcat } from '../../test/helpers/run-cli.js';
import { generateCommand } from './commands/generate.js';

// A `generate` or `generate --check` with nothing to do is decided from the
// record of the last generation, without running the targets; anything that
// differs from the record, however small, takes the full path that compares
// every file. `--timings` shows which path ran (the targets appear only on
// the full one).

let work: string;
beforeEach(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'errcat-fingerprint-'));
  writeFileSync(path.join(work, 'package.json'), '{ "name": "payments-api", "private": true }\n');
  expect((await errcat('init', '--scope', '@payments', '--service', 'payments', '--wire-format', 'batch')).code).toBe(0);
  expect((await errcat('generate')).code).toBe(0);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

async function errcat(...args: string[]) {
  const result = await runErrcat(work, ...args);
  return { ...result, ranTargets: result.stderr.includes('target codes') };
}

const file = (name: string) => path.join(work, name);
const CODES = 'packages/codes/src/payments/catalog.gen.ts';

describe('a generation with nothing to do', () => {
  it('follows a project\'s first generation: the versions it wrote into the manifests are what the next run reads', async () => {
    const again = await errcat('generate', '--timings');
    expect(again).toMatchObject({ code: 0, ranTargets: false });
    expect(again.stdout).toMatch(/: 0 created, 0 updated, 0 removed, \d+ unchanged\n$/);
  });

  it('takes the full path after a package\'s version is bumped, and keeps the new version', async () => {
    const manifest = file('packages/codes/package.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"version": "0.0.0"', '"version": "0.1.0"'));
    const bumped = await errcat('generate', '--timings');
    expect(bumped.ranTargets).toBe(true);
    expect(JSON.parse(readFileSync(manifest, 'utf8')).version).toBe('0.1.0');
    expect((await errcat('generate', '--timings')).ranTargets).toBe(false);
  });

  it('is recorded by generate and decided without the targets, printing what the full path prints', async () => {
    expect(existsSync(recordPath(work))).toBe(true);
    rmSync(recordPath(work));
    const full = await errcat('generate', '--check', '--timings');
    expect(full.ranTargets).toBe(true);
    const check = await errcat('generate', '--check', '--timings');
    expect(check).toMatchObject({ code: 0, stdout: full.stdout, ranTargets: false });
    rmSync(recordPath(work));
    const fullGenerate = await errcat('generate');
    expect(check.stdout).toMatch(/^generated files are up to date \(\d+ files\)\n$/);
    const again = await errcat('generate', '--timings');
    expect(again).toMatchObject({ ranTargets: false, stdout: fullGenerate.stdout });
    expect(again.stdout).toMatch(/^generated \d+ files for codes, openapi, json-schema, express, fastify, docs: 0 created, 0 updated, 0 removed, \d+ unchanged\n$/);
  });

  it('sees a hand edit that keeps the file size and time, and generate puts the file back', async () => {
    const before = readFileSync(file(CODES), 'utf8');
    const { atime, mtime, size } = statSync(file(CODES));
    writeFileSync(file(CODES), before.replace('"payments"', '"PAYMENTS"'));
    utimesSync(file(CODES), atime, mtime);
    expect(statSync(file(CODES)).size).toBe(size);
    const check = await errcat('generate', '--check', '--timings');
    expect(check).toMatchObject({ code: 1, ranTargets: true });
    expect(check.stderr).toContain(`differs   ${CODES}\n`);
    expect((await errcat('generate')).stdout).toContain('1 updated');
    expect(readFileSync(file(CODES), 'utf8')).toBe(before);
    expect(await errcat('generate', '--check', '--timings')).toMatchObject({ code: 0, ranTargets: false });
  });

  it('sees a missing file and an added one', async () => {
    unlinkSync(file(CODES));
    expect((await errcat('generate', '--check')).stderr).toContain(`missing   ${CODES}\n`);
    expect((await errcat('generate')).code).toBe(0);
    writeFileSync(file('packages/codes/src/extra.ts'), 'export {};\n');
    expect((await errcat('generate', '--check')).stderr).toContain('orphaned  packages/codes/src/extra.ts\n');
  });

  it('runs the targets again when an input changes: the spec, a template', async () => {
    const spec = file('spec/payments.yaml');
    const text = readFileSync(spec, 'utf8');
    // The fingerprint is of the spec's text: a comment takes the full path, which finds every file as it was.
    writeFileSync(spec, `${text}# a comment changes nothing generated\n`);
    const commented = await errcat('generate', '--timings');
    expect(commented).toMatchObject({ code: 0, ranTargets: true });
    expect(commented.stdout).toMatch(/: 0 created, 0 updated, 0 removed, \d+ unchanged\n$/);
    expect(await errcat('generate', '--check', '--timings')).toMatchObject({ code: 0, ranTargets: false });
    writeFileSync(spec, text.replace('The requested resource does not exist.', 'No such resource.'));
    const changed = await errcat('generate', '--check', '--timings');
    expect(changed).toMatchObject({ code: 1, ranTargets: true });
    expect(changed.stderr).toContain(`differs   ${CODES}\n`);
    writeFileSync(spec, text);
    mkdirSync(file('templates'));
    writeFileSync(file('templates/codes.README.md.hbs'), '# {{packageName}}\n');
    const templated = await errcat('generate', '--check', '--timings');
    expect(templated).toMatchObject({ code: 1, ranTargets: true });
    expect(templated.stderr).toContain('differs   packages/codes/README.md\n');
  });

  it('prints the warnings of the spec again, as the full path does', async () => {
    // A locale without translations is a warning: the generation goes ahead.
    const settings = file('spec/errcat.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('      - en\n', '      - en\n      - fr\n'));
    const spec = file('spec/payments.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('    - en\n  failures', '    - en\n    - fr\n  failures'));
    const full = await errcat('generate', '--timings');
    expect(full).toMatchObject({ code: 0, ranTargets: true });
    expect(full.stderr).toMatch(/spec\/payments\.yaml:\d+:\d+ warning W407 InvalidRequest has no message in fr;/);
    const warnings = full.stderr.split('\n').filter((line) => line.startsWith('spec/') || /^\d+ errors?, /.test(line));
    const again = await errcat('generate', '--timings');
    expect(again.ranTargets).toBe(false);
    expect(again.stderr.split('\n').filter((line) => line.startsWith('spec/') || /^\d+ errors?, /.test(line))).toEqual(warnings);
    expect(again.stdout).toMatch(/: 0 created, 0 updated, 0 removed, \d+ unchanged\n$/);
    // A watcher's run (quiet) repeats no unchanged warning, with nothing to do as with the full path.
    const quiet = captureIo(work);
    expect(await generateCommand(quiet, { root: '.', check: false, quiet: true, timings: true })).toBe(0);
    expect(quiet.stderr).not.toContain('target codes');
    expect(quiet.stderr).not.toContain('W407');
    expect(quiet.stdout).toBe('');
    rmSync(recordPath(work));
    const quietFull = captureIo(work);
    expect(await generateCommand(quietFull, { root: '.', check: false, quiet: true, timings: true })).toBe(0);
    expect(quietFull.stderr).toContain('target codes');
    expect(quietFull.stderr).not.toContain('W407');
  });

  it('is the same generation run from another folder, its warnings shown from there', async () => {
    const settings = file('spec/errcat.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('      - en\n', '      - en\n      - fr\n'));
    const spec = file('spec/payments.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('    - en\n  failures', '    - en\n    - fr\n  failures'));
    expect((await errcat('generate', '--timings')).ranTargets).toBe(true);
    mkdirSync(file('tools'));
    const elsewhere = await runErrcat(file('tools'), 'generate', '--root', '..', '--timings');
    expect(elsewhere.stderr).not.toContain('target codes');
    expect(elsewhere.stderr).toMatch(/^\.\.\/spec\/payments\.yaml:\d+:\d+ warning W407 InvalidRequest has no message in fr;/m);
    expect(elsewhere.stderr).not.toMatch(/^spec\//m);
  });

  it('takes a record edited by hand for no record, without a crash', async () => {
    const record = JSON.parse(readFileSync(recordPath(work), 'utf8')) as { packages: Array<Record<string, unknown>> };
    record.packages[0] = { target: 'codes' };
    writeFileSync(recordPath(work), JSON.stringify(record));
    expect(await errcat('generate', '--check', '--timings')).toMatchObject({ code: 0, ranTargets: true });
    expect(await errcat('generate', '--check', '--timings')).toMatchObject({ code: 0, ranTargets: false });
  });

  it('takes the full path when the record is missing or unreadable, and rewrites it', async () => {
    writeFileSync(recordPath(work), '{ not json');
    expect(await errcat('generate', '--check', '--timings')).toMatchObject({ code: 0, ranTargets: true });
    expect(await errcat('generate', '--check', '--timings')).toMatchObject({ code: 0, ranTargets: false });
    rmSync(recordPath(work));
    expect(await errcat('generate', '--timings')).toMatchObject({ code: 0, ranTargets: true });
    expect(await errcat('generate', '--timings')).toMatchObject({ code: 0, ranTargets: false });
  });
});
