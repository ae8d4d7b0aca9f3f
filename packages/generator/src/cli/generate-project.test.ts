import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runErrcat } from '../../test/helpers/run-cli.js';

// `generate` in projects that are not errcat's own repository: what it
// writes where the settings say, how the packages find each other under each
// package manager, whose folders it may write, and the project's templates.

let work: string;
beforeEach(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'errcat-project-'));
  writeFileSync(path.join(work, 'package.json'), '{ "name": "payments-api", "private": true }\n');
  expect((await errcat('init', '--scope', '@payments', '--service', 'payments', '--wire-format', 'batch')).code).toBe(0);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const errcat = (...args: string[]) => runErrcat(work, ...args);

const read = (file: string) => readFileSync(path.join(work, file), 'utf8');
const manifest = (dir: string) => JSON.parse(read(`${dir}/package.json`)) as Record<string, unknown> & { dependencies: Record<string, string> };

/** Adds lines under `settings:` in the starter's errcat.yaml. */
function addSettings(yaml: string): void {
  writeFileSync(path.join(work, 'spec/errcat.yaml'), read('spec/errcat.yaml').replace('settings:\n', `settings:\n${yaml}`));
}

describe('package folders errcat does not own', () => {
  beforeEach(() => {
    mkdirSync(path.join(work, 'packages/express/src'), { recursive: true });
    writeFileSync(path.join(work, 'packages/express/package.json'), '{ "name": "our-express-app" }\n');
    writeFileSync(path.join(work, 'packages/express/src/server.ts'), 'export {};\n');
  });

  it('are refused with the folder, the setting that moves the output and --force; nothing is written anywhere', async () => {
    const result = await errcat('generate');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'errcat: packages/express already holds files errcat did not write (its package.json has no "errcat": {"generated": true}); errcat writes only into folders it owns. ' +
        'Move the express package with settings.packages.express.dir or settings.output, or pass --force to take the folder over (files in it that errcat does not generate are deleted)\n' +
        'nothing was generated; the previous output is untouched\n',
    );
    expect(read('packages/express/package.json')).toBe('{ "name": "our-express-app" }\n');
    expect(existsSync(path.join(work, 'packages/express/src/server.ts'))).toBe(true);
    expect(existsSync(path.join(work, 'packages/codes'))).toBe(false);
    expect((await errcat('generate', '--check')).code).toBe(1);
  });

  it('are taken over with --force, and are errcat\'s from then on', async () => {
    expect((await errcat('generate', '--force')).code).toBe(0);
    expect(manifest('packages/express')).toMatchObject({ name: '@payments/express', errcat: { generated: true } });
    expect(existsSync(path.join(work, 'packages/express/src/server.ts'))).toBe(false);
    expect(await errcat('generate', '--check')).toMatchObject({ code: 0 });
  });

  it('can be left alone by moving the output', async () => {
    addSettings('  packages:\n    express: { dir: generated/express }\n');
    expect((await errcat('generate')).code).toBe(0);
    expect(manifest('generated/express').name).toBe('@payments/express');
    expect(read('packages/express/package.json')).toBe('{ "name": "our-express-app" }\n');
  });
});

describe('layout and naming settings', () => {
  it('output and per-target names and folders place and name every package, and siblings follow', async () => {
    addSettings('  output: libs/{name}\n  packages:\n    codes: { name: errors }\n    openapi: { dir: contracts/errors }\n');
    expect((await errcat('generate')).code).toBe(0);
    expect(manifest('libs/errors').name).toBe('@payments/errors');
    expect(manifest('contracts/errors').name).toBe('@payments/openapi');
    expect(manifest('libs/express').dependencies).toEqual({ '@errcat/runtime': expect.stringMatching(/^\^\d/), '@payments/errors': 'file:../errors' });
    expect(read('libs/express/src/payments.gen.ts')).toContain('from "@payments/errors"');
    expect(existsSync(path.join(work, 'packages'))).toBe(false);
  });

  it('package metadata is only what the spec says, and the root LICENSE goes into every package', async () => {
    expect((await errcat('generate')).code).toBe(0);
    expect(Object.keys(manifest('packages/codes'))).not.toEqual(expect.arrayContaining(['license']));
    expect(existsSync(path.join(work, 'packages/codes/LICENSE'))).toBe(false);

    addSettings('  package:\n    license: Apache-2.0\n    author: Payments team\n    repository: git+https://git.example.com/payments.git\n    homepage: https://payments.example.com\n');
    writeFileSync(path.join(work, 'LICENSE'), 'Apache License 2.0 …\n');
    expect((await errcat('generate')).code).toBe(0);
    for (const dir of ['codes', 'openapi', 'json-schema', 'express', 'fastify', 'docs']) {
      expect(manifest(`packages/${dir}`)).toMatchObject({
        license: 'Apache-2.0',
        author: 'Payments team',
        repository: { type: 'git', url: 'git+https://git.example.com/payments.git', directory: `packages/${dir}` },
        homepage: 'https://payments.example.com',
        engines: { node: expect.any(String) },
        scripts: { build: expect.any(String) },
      });
      expect(read(`packages/${dir}/LICENSE`)).toBe('Apache License 2.0 …\n');
    }
  });

  it('the JSON Schema $id base is a setting; without it the ids claim no host', async () => {
    expect((await errcat('generate')).code).toBe(0);
    expect(JSON.parse(read('packages/json-schema/schemas/payments-error.schema.json')).$id).toBe('urn:errcat:@payments/json-schema:schemas:payments-error.schema.json');
    addSettings('  jsonSchema:\n    idBase: https://schemas.payments.example/errors/\n');
    expect((await errcat('generate')).code).toBe(0);
    expect(JSON.parse(read('packages/json-schema/schemas/payments-error.schema.json')).$id).toBe('https://schemas.payments.example/errors/payments-error.schema.json');
  });

  it.each([
    ['  output: ../elsewhere/{target}\n', 'spec/errcat.yaml:5:11 error E213 the `codes` package would go to `../elsewhere/codes`, outside the project root'],
    ['  output: packages/{target}\n  packages:\n    openapi: { dir: packages/codes/openapi }\n', 'error E214 the `openapi` package (`packages/codes/openapi`) overlaps the folder of `codes` (`packages/codes`)'],
    ['  packages:\n    openapi: { name: codes }\n', 'error E215 the `openapi` and `codes` packages would both be named `@payments/codes`'],
  ])('a layout that would mix packages is a located diagnostic: %j', async (yaml, message) => {
    addSettings(yaml);
    const result = await errcat('generate');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });
});

describe('a problem-details service', () => {
  it('is what init writes by default, and generates', async () => {
    rmSync(path.join(work, 'spec'), { recursive: true });
    expect((await errcat('init', '--scope', '@payments', '--service', 'payments')).code).toBe(0);
    expect(read('spec/payments.yaml')).toContain('wireFormat: problem-details');
    expect(await errcat('generate')).toMatchObject({ code: 0, stderr: '' });
    expect(read('packages/openapi/components.yaml')).toContain('application/problem+json');
  });

  it('lists its codes under codes, not categories (E210)', async () => {
    rmSync(path.join(work, 'spec'), { recursive: true });
    await errcat('init', '--scope', '@payments', '--service', 'payments');
    writeFileSync(path.join(work, 'spec/payments.yaml'), `${read('spec/payments.yaml')}categories:\n  BadRequest:\n    status: 400\n    message:\n      en: Bad.\n`);
    const result = await errcat('validate');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error E210 `categories` does not fit wire format `problem-details`; list its codes under `codes`');
  });
});

describe('how generated packages depend on each other', () => {
  it.each([
    ['no workspace: file: paths', {}, (sibling: string) => `file:../${sibling}`, false],
    ['npm workspaces: the sibling version', { 'package.json': '{ "private": true, "workspaces": ["packages/*"] }\n' }, () => '^0.0.0', false],
    ['yarn classic workspaces: the sibling version', { 'package.json': '{ "private": true, "workspaces": { "packages": ["packages/*"] } }\n', 'yarn.lock': '' }, () => '^0.0.0', false],
    ['yarn berry: workspace:^', { 'package.json': '{ "private": true, "workspaces": ["packages/*"], "packageManager": "yarn@4.5.0" }\n' }, () => 'workspace:^', false],
    ['a pnpm workspace with turbo: workspace:^ and a turbo.json', { 'pnpm-workspace.yaml': 'packages:\n  - packages/*\n', 'turbo.json': '{ "tasks": { "build": {} } }\n' }, () => 'workspace:^', true],
  ])('%s', async (_name, files: Record<string, string>, range, turbo) => {
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(work, file), text);
    const result = await errcat('generate');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(manifest('packages/fastify').dependencies).toMatchObject({ '@payments/codes': range('codes'), '@payments/json-schema': range('json-schema') });
    expect(manifest('packages/fastify').dependencies['@errcat/runtime']).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(existsSync(path.join(work, 'packages/fastify/turbo.json'))).toBe(turbo);
    if (turbo) expect(JSON.parse(read('packages/fastify/turbo.json'))).toEqual({ extends: ['//'], tasks: { build: { dependsOn: ['^build'] } } });
    // A package with nothing to build has no outputs for turbo to look for.
    if (turbo) expect(JSON.parse(read('packages/openapi/turbo.json'))).toEqual({ extends: ['//'], tasks: { build: { dependsOn: ['^build'], outputs: [] } } });
  });

  it('without a workspace, says how to install the packages when they first appear', async () => {
    const first = await errcat('generate');
    expect(first.stdout).toContain(
      'this project is no workspace: add the packages to your dependencies with `npm install ./packages/codes ./packages/openapi ./packages/json-schema ./packages/express ./packages/fastify ./packages/docs`',
    );
    expect((await errcat('generate')).stdout).not.toContain('no workspace');
  });

  it('warns when the workspace does not include the package folders', async () => {
    writeFileSync(path.join(work, 'pnpm-workspace.yaml'), 'packages:\n  - apps/*\n');
    const result = await errcat('generate');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'warning: packages/codes, packages/openapi, packages/json-schema, packages/express, packages/fastify, packages/docs are not in the workspace; add them to pnpm-workspace.yaml `packages` so they install and build with the rest\n',
    );
  });
});

describe("the project's templates", () => {
  it('a templates/<name>.hbs replaces errcat\'s template of that name only', async () => {
    mkdirSync(path.join(work, 'templates'));
    writeFileSync(path.join(work, 'templates/codes.README.md.hbs'), '# {{packageName}}, our way\n');
    expect(await errcat('generate')).toMatchObject({ code: 0, stderr: '' });
    expect(read('packages/codes/README.md')).toBe('# @payments/codes, our way\n');
    expect(read('packages/openapi/README.md')).toContain('# @payments/openapi');
  });

  it('an override that matches none of errcat\'s templates is named in a warning', async () => {
    mkdirSync(path.join(work, 'templates'));
    writeFileSync(path.join(work, 'templates/code.README.md.hbs'), 'typo\n');
    const result = await errcat('generate');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("warning: templates/code.README.md.hbs overrides none of errcat's templates (codes.README.md.hbs, ");
  });
});
