import { closeSync, cpSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../load/load-catalog.js';
import { renderTemplate } from '../targets/shared/render-template.js';
import type { Target } from '../targets/target.js';
import { generateCommand } from './commands/generate.js';
import { captureIo, runErrcat } from '../../test/helpers/run-cli.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const badSpecs = path.resolve(repo, 'packages/generator/test/fixtures/bad-specs');

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'errcat-cli-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const capture = captureIo;

const errcat = runErrcat;

/** A workspace whose spec/ is the bad-spec base plus `files`. */
function workspace(files: Record<string, string | Buffer> = {}): string {
  const spec = path.join(work, 'spec');
  cpSync(path.join(badSpecs, '_base'), spec, { recursive: true });
  for (const [name, contents] of Object.entries(files)) writeFileSync(path.join(spec, name), contents);
  return work;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('errcat validate', () => {
  it('accepts the repository spec', async () => {
    const result = await errcat(repo, 'validate');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('spec: 2 services, 232 codes, 4 locales; no errors\n');
  });

  // validate counts from the checked files without building the catalog: the counts must be the built catalog's.
  it.each([
    ['the repository spec', repo, 'spec'],
    ['a spec with every field (embedded codes, variants, detail codes)', path.join(repo, 'packages/generator'), 'test/fixtures/every-field'],
  ])('counts %s as the built catalog holds it', async (_name, root, spec) => {
    const { catalog } = await loadCatalog(path.join(root, spec), (absolute) => absolute);
    const codes = catalog!.services.reduce((sum, service) => sum + service.codes.length + (service.embedded?.codes.length ?? 0), 0);
    const result = await errcat(root, 'validate', '--spec', spec);
    expect(result.stdout).toBe(`${spec}: ${catalog!.services.length} services, ${codes} codes, ${catalog!.settings.locales.length} locales; no errors\n`);
  });

  it('reports every problem with file:line:col, a code and a fix, and exits 1', async () => {
    const root = workspace({ 'shop.yaml': readFileSync(path.join(badSpecs, 'unknown-field/shop.yaml')) });
    const result = await errcat(root, 'validate');
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      'spec/shop.yaml:6:3 error E103 unknown field `colour`; allowed here: id, name, title, description, wireFormat, errorCodeHeader, problemTypeBase, locales, languageTags, sources, failures',
      'spec/shop.yaml:16:5 error E103 unknown field `statsu`; did you mean `status`?',
      'spec/shop.yaml:17:5 error E103 unknown field `mesage`; did you mean `message`?',
      '3 errors, 0 warnings',
      '',
    ]);
  });

  it.each([
    ['an empty file', { 'shop.yaml': '' }, 'spec/shop.yaml error E003 this file is empty'],
    ['a binary file', { 'logo.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]) }, 'spec/logo.yaml error E004 this is not a UTF-8 text file'],
  ])('answers %s in one line', async (_name, files, expected) => {
    const result = await errcat(workspace(files), 'validate');
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(expected);
    noStackTrace(result.stderr);
  });

  it('answers a 50 MB file in one line without reading it', async () => {
    const root = workspace();
    const file = path.join(root, 'spec', 'huge.yaml');
    const handle = openSync(file, 'w');
    ftruncateSync(handle, 50 * 1024 * 1024);
    closeSync(handle);
    const result = await errcat(root, 'validate');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')[0]).toBe(
      'spec/huge.yaml error E005 this file is 50.0 MB, over the 16.0 MB limit; split the catalog into one file per service',
    );
  });

  it('skips editor dotfiles and answers a dangling link or a folder named like a spec in one line each', async () => {
    const root = workspace();
    symlinkSync('nowhere@host.1234', path.join(root, 'spec', '.#shop.yaml'));
    symlinkSync('missing.yaml', path.join(root, 'spec', 'linked.yaml'));
    mkdirSync(path.join(root, 'spec', 'archive.yaml'));
    const result = await errcat(root, 'validate');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'spec/linked.yaml error E006 this file cannot be read: it is a link to a file that does not exist; fix or remove it\n1 error, 0 warnings\n',
    );
  });

  it('leaves other YAML in the spec folder alone, with one quiet line on stderr', async () => {
    const root = workspace({ 'openapi.yaml': 'openapi: 3.1.0\ninfo:\n  title: Shop\n  version: 1.0.0\npaths: {}\n' });
    const result = await errcat(root, 'validate');
    expect(result).toMatchObject({ code: 0, stdout: 'spec: 2 services, 4 codes, 2 locales; no errors\n' });
    expect(result.stderr).toBe('note: skipped spec/openapi.yaml: not a catalog file (none of settings, service, categories, sections, codes, embedded at the top level)\n');
  });

  it.each(['duplicate-key-and-alias', 'duplicate-key-and-control-character', 'duplicate-key-and-tag', 'alias-loop', 'alias-bomb', 'nesting-too-deep', 'lone-surrogate'])(
    'answers %s as a problem in the spec (exit 1), never a crash',
    async (name) => {
      const root = workspace({ 'shop.yaml': readFileSync(path.join(badSpecs, name, 'shop.yaml')) });
      const result = await errcat(root, 'validate');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^spec\/shop\.yaml:\d+:\d+ error E1\d\d /);
      expect(result.stderr.split('\n').every((line) => line.length < 400)).toBe(true);
      noStackTrace(result.stderr);
    },
  );

  it('answers a folder with no spec and a missing folder in one line', async () => {
    mkdirSync(path.join(work, 'spec'));
    const empty = await errcat(work, 'validate');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe('spec error E002 spec holds no .yaml spec files; add one per service, or run `errcat import <page.md>`\n1 error, 0 warnings\n');
    const missing = await errcat(work, 'validate', '--root', 'elsewhere');
    expect(missing.code).toBe(1);
    expect(missing.stderr.split('\n')[0]).toBe(
      'elsewhere/spec error E001 elsewhere/spec does not exist; create it with one YAML file per service, or run `errcat import <page.md>`',
    );
  });
});

describe('usage errors', () => {
  it('exit 2 for an unknown command or option, with a pointer to help', async () => {
    const command = await errcat(repo, 'frobnicate');
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("unknown command 'frobnicate'");
    const option = await errcat(repo, 'validate', '--colour');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--colour'");
  });

  it('exit 2 and help when run with no command', async () => {
    const result = await errcat(repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: errcat');
  });
});

/** What every generated package.json carries, so that errcat may write its folder again. */
const OWNED_MANIFEST = '{ "errcat": { "generated": true } }\n';

describe('errcat generate', () => {
  const fileTarget = (contents: string, fail = false): Target => ({
    name: 'codes',
    templates: [],
    generate: () => {
      if (fail) throw new Error('target bug');
      return [
        { path: 'packages/codes/a.txt', contents },
        { path: 'packages/codes/nested/b.txt', contents },
        { path: 'packages/codes/package.json', contents: OWNED_MANIFEST },
      ];
    },
  });

  it('writes, then --check reports nothing to do', async () => {
    const root = workspace();
    const io = capture(root);
    expect(await generateCommand(io, { root: '.', check: false, available: { codes: fileTarget('one\n') } })).toBe(0);
    expect(readFileSync(path.join(root, 'packages/codes/nested/b.txt'), 'utf8')).toBe('one\n');
    expect(await generateCommand(io, { root: '.', check: true, available: { codes: fileTarget('one\n') } })).toBe(0);
  });

  it('--check lists every differing, missing and orphaned file with the command that fixes it, and writes nothing', async () => {
    const root = workspace();
    await generateCommand(capture(root), { root: '.', check: false, available: { codes: fileTarget('one\n') } });
    rmSync(path.join(root, 'packages/codes/nested/b.txt'));
    writeFileSync(path.join(root, 'packages/codes/stale.txt'), 'left over\n');
    const io = capture(root);
    const target: Target = { ...fileTarget('two\n') };
    expect(await generateCommand(io, { root: '.', check: true, available: { codes: target } })).toBe(1);
    expect(io.stderr.split('\n')).toEqual([
      'missing   packages/codes/nested/b.txt',
      'differs   packages/codes/a.txt',
      'orphaned  packages/codes/stale.txt',
      'generated files are out of date with spec/; run `errcat generate` and commit the result',
      '',
    ]);
    expect(readFileSync(path.join(root, 'packages/codes/a.txt'), 'utf8')).toBe('one\n');
  });

  it('leaves the previous output untouched when the spec is bad or a target fails', async () => {
    const root = workspace();
    await generateCommand(capture(root), { root: '.', check: false, available: { codes: fileTarget('one\n') } });
    await expect(generateCommand(capture(root), { root: '.', check: false, available: { codes: fileTarget('two\n', true) } })).rejects.toThrow(
      'target bug',
    );
    expect(readFileSync(path.join(root, 'packages/codes/a.txt'), 'utf8')).toBe('one\n');

    writeFileSync(path.join(root, 'spec/shop.yaml'), 'service: [\n');
    const io = capture(root);
    expect(await generateCommand(io, { root: '.', check: false, available: { codes: fileTarget('three\n') } })).toBe(1);
    expect(io.stderr).toContain('nothing was generated; the previous output is untouched');
    expect(readFileSync(path.join(root, 'packages/codes/a.txt'), 'utf8')).toBe('one\n');
  });

  it('removes orphans and the folders they leave empty, and keeps build output, installed modules and the changelog', async () => {
    const root = workspace();
    mkdirSync(path.join(root, 'packages/codes/dist'), { recursive: true });
    mkdirSync(path.join(root, 'packages/codes/src/removed-service'), { recursive: true });
    writeFileSync(path.join(root, 'packages/codes/dist/index.js'), 'built');
    writeFileSync(path.join(root, 'packages/codes/CHANGELOG.md'), '# changes');
    writeFileSync(path.join(root, 'packages/codes/package.json'), OWNED_MANIFEST);
    writeFileSync(path.join(root, 'packages/codes/old.txt'), 'orphan');
    writeFileSync(path.join(root, 'packages/codes/src/removed-service/codes.gen.ts'), 'orphan');
    await generateCommand(capture(root), { root: '.', check: false, available: { codes: fileTarget('one\n') } });
    expect(existsSync(path.join(root, 'packages/codes/old.txt'))).toBe(false);
    expect(existsSync(path.join(root, 'packages/codes/src'))).toBe(false);
    expect(readFileSync(path.join(root, 'packages/codes/dist/index.js'), 'utf8')).toBe('built');
    expect(readFileSync(path.join(root, 'packages/codes/CHANGELOG.md'), 'utf8')).toBe('# changes');
    expect(await generateCommand(capture(root), { root: '.', check: true, available: { codes: fileTarget('one\n') } })).toBe(0);
  });

  it('reports a broken template as the user\'s to fix, with its file, and writes nothing', async () => {
    const root = workspace();
    mkdirSync(path.join(root, 'templates'));
    writeFileSync(path.join(root, 'templates/codes.README.md.hbs'), '# {{title}\n');
    const templated: Target = {
      name: 'codes',
      templates: ['codes.README.md.hbs'],
      generate: (input) => [{ path: 'packages/codes/README.md', contents: renderTemplate(input.templates, 'codes.README.md.hbs', { title: 'x' }) }],
    };
    const io = capture(root);
    expect(await generateCommand(io, { root: '.', check: false, available: { codes: templated } })).toBe(1);
    expect(io.stderr).toMatch(/^templates\/codes\.README\.md\.hbs: Parse error on line 1/);
    expect(io.stderr).toContain('nothing was generated; the previous output is untouched');
    noStackTrace(io.stderr);
    expect(existsSync(path.join(root, 'packages/codes/README.md'))).toBe(false);
  });
});
