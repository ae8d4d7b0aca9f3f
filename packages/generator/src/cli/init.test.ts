import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ownManifest } from './own-package.js';
import { runErrcat } from '../../test/helpers/run-cli.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'errcat-init-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const errcat = runErrcat;

describe('errcat init', () => {
  it.each(['batch', 'rest-guidelines'])('writes a %s catalog that validates and generates as it is, and prints the next two commands', async (wireFormat) => {
    writeFileSync(path.join(work, 'package.json'), '{ "name": "@payments/api", "private": true }\n');
    const init = await errcat(work, 'init', '--wire-format', wireFormat);
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toBe(
      'wrote spec/errcat.yaml and spec/payments.yaml\n\nNext:\n  npx errcat validate    # check the catalog\n  npx errcat generate    # write the packages into packages/<target>\n',
    );
    const settings = readFileSync(path.join(work, 'spec/errcat.yaml'), 'utf8');
    expect(settings.split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/errcat/schema/spec.schema.json');
    expect(settings).toContain('scope: "@payments"');
    expect(await errcat(work, 'validate')).toMatchObject({ code: 0, stderr: '', stdout: 'spec: 1 service, 3 codes, 1 locale; no errors\n' });
    const generate = await errcat(work, 'generate');
    expect(generate).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(readFileSync(path.join(work, 'packages/codes/package.json'), 'utf8'))).toMatchObject({ name: '@payments/codes' });
    expect(readFileSync(path.join(work, 'packages/codes/src/payments/codes.gen.ts'), 'utf8')).toContain('ResourceNotFound');
  });

  it('takes scope, service, locales and wire format from flags, and the modeline follows --spec', async () => {
    const result = await errcat(work, 'init', '--spec', 'catalog/errors', '--scope', 'acme', '--service', 'billing', '--title', 'Billing', '--locales', 'de,en', '--wire-format', 'batch', '--targets', 'codes,openapi');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('npx errcat generate --spec catalog/errors');
    const settings = readFileSync(path.join(work, 'catalog/errors/errcat.yaml'), 'utf8');
    expect(settings).toContain('$schema=../../node_modules/errcat/schema/spec.schema.json');
    expect(settings).toMatch(/scope: "@acme"\n {2}targets:\n {4}- codes\n {4}- openapi\n {2}locales:\n {4}default: de\n/);
    const service = readFileSync(path.join(work, 'catalog/errors/billing.yaml'), 'utf8');
    expect(service).toContain('name: Billing\n  title: Billing\n');
    expect(service).toContain('de: "The request is invalid: {reason}."');
    expect((await errcat(work, 'validate', '--spec', 'catalog/errors')).code).toBe(0);
  });

  it('prints the runner of the package manager the project uses', async () => {
    writeFileSync(path.join(work, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n');
    const result = await errcat(work, 'init', '--wire-format', 'batch');
    expect(result.stdout).toContain('  pnpm exec errcat validate');
  });

  it('never overwrites: a spec folder that holds YAML is refused, and nothing is written', async () => {
    mkdirSync(path.join(work, 'spec'));
    writeFileSync(path.join(work, 'spec/mine.yaml'), 'settings: {}\n');
    const result = await errcat(work, 'init', '--wire-format', 'batch');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'errcat: spec already holds mine.yaml; init never overwrites a catalog. Edit it and run `errcat validate`, or pass --spec <folder> to start another\n',
    );
    expect(existsSync(path.join(work, 'spec/errcat.yaml'))).toBe(false);
    expect(readFileSync(path.join(work, 'spec/mine.yaml'), 'utf8')).toBe('settings: {}\n');
  });

  it.each([
    [['--scope', 'Bad Scope'], '--scope Bad Scope: an npm scope is lower-case, such as @payments'],
    [['--service', '9lives'], '--service 9lives: a service id is lower-case letters, digits and -, starting with a letter, such as payments'],
    [['--wire-format', 'soap'], '--wire-format soap: choose one of'],
    [['--locales', 'en,not a tag'], '--locales en,not a tag: not a tag is not a BCP 47 language tag'],
    [['--targets', 'codes,website'], '--targets: website is not a target'],
  ])('refuses %j with what to do, and writes nothing', async (flags, message) => {
    const result = await errcat(work, 'init', '--wire-format', 'batch', ...flags);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(path.join(work, 'spec'))).toBe(false);
  });
});

describe('errcat --version and --help', () => {
  it('prints the version from its package.json', async () => {
    expect(await errcat(work, '--version')).toEqual({ code: 0, stdout: `${ownManifest.version}\n`, stderr: '' });
  });

  it.each(['init', 'generate', 'validate', 'inspect', 'import'])('%s --help describes every option and exits 0', async (command) => {
    const result = await errcat(work, command, '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: errcat ${command}`);
    expect(result.stdout).toContain('--help');
  });
});
