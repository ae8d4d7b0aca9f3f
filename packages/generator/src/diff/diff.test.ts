import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runErrcat } from '../../test/helpers/run-cli.js';

// `errcat diff` on spec pairs: the base is the bad-specs `_base` catalog
// (a batch service and a rest-guidelines one), the head the same with one
// edit. Each rule of the classification has a case here.

const BASE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/bad-specs/_base');

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'errcat-diff-'));
  cpSync(BASE, path.join(work, 'base'), { recursive: true });
  const settings = path.join(work, 'base/errcat.yaml');
  writeFileSync(settings, readFileSync(settings, 'utf8').replace('targets: [codes]', 'targets: [codes, openapi, json-schema, express]'));
  cpSync(path.join(work, 'base'), path.join(work, 'spec'), { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const errcat = (...args: string[]) => runErrcat(work, ...args);

function edit(file: string, from: string | RegExp, to: string): void {
  const at = path.join(work, 'spec', file);
  const text = readFileSync(at, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(at, next);
}

interface Diffed {
  level: string;
  changes: Array<{ level: string; scope: string; message: string }>;
  packages: Array<{ name: string; level: string }>;
}

async function diff(): Promise<Diffed> {
  const result = await errcat('diff', '--base', 'base', '--json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Diffed;
}

const bumps = (result: Diffed) => Object.fromEntries(result.packages.map((entry) => [entry.name.replace('@acme/', ''), entry.level]));

describe('errcat diff classifies each change', () => {
  it('no change: no package is bumped', async () => {
    expect(await diff()).toEqual({ base: 'base', level: 'none', changes: [], packages: [] });
  });

  it.each<[string, () => void, { level: string; scope: string; message: string; only?: string[] }, Record<string, string>]>([
    [
      'a code removed: major',
      () => {
        edit('shop.yaml', /  NotFound:\n(    .*\n|      .*\n)+/, '');
        edit('shop.yaml', 'notFound: NotFound', 'notFound: BadBody');
      },
      { level: 'major', scope: 'shop', message: 'NotFound removed' },
      { codes: 'major', openapi: 'major', 'json-schema': 'major', express: 'major' },
    ],
    [
      'a code renamed: major, and said to be a rename',
      () => {
        edit('shop.yaml', 'NotFound:\n    status: 404', 'Missing:\n    status: 404');
        edit('shop.yaml', 'notFound: NotFound', 'notFound: Missing');
      },
      { level: 'major', scope: 'shop', message: 'NotFound renamed to Missing (clients matching NotFound no longer see it)' },
      { codes: 'major', openapi: 'major', 'json-schema': 'major', express: 'major' },
    ],
    [
      'a status changed: major',
      () => edit('shop.yaml', 'status: 404', 'status: 410'),
      { level: 'major', scope: 'shop', message: 'NotFound: status 404 → 410' },
      { codes: 'major', openapi: 'major', 'json-schema': 'major', express: 'major' },
    ],
    [
      'a placeholder added: major',
      () => edit('lab.yaml', 'en: "The body is invalid: {0}."\n        params:\n          - name: reason\n            type: string', 'en: "The body is invalid: {0} at {1}."\n        params:\n          - name: reason\n            type: string\n          - name: line\n            type: integer'),
      { level: 'major', scope: 'lab', message: 'BadArgument/BodyInvalid: placeholder {line} added; callers must pass it' },
      { codes: 'major', openapi: 'major', 'json-schema': 'major', express: 'major' },
    ],
    [
      'a placeholder retyped: major',
      () => edit('lab.yaml', 'type: string', 'type: integer'),
      { level: 'major', scope: 'lab', message: 'BadArgument/BodyInvalid: placeholder {reason} is integer, was string' },
      { codes: 'major', openapi: 'major', express: 'major' },
    ],
    [
      'the failures mapping: major for the middleware only',
      () => edit('shop.yaml', 'malformedBody: BadBody', 'malformedBody: NotFound'),
      { level: 'major', scope: 'shop', message: 'failures.malformedBody answers with NotFound instead of BadBody', only: ['express', 'fastify'] },
      { codes: 'patch', openapi: 'patch', 'json-schema': 'patch', express: 'major' },
    ],
    [
      'a status of other libraries mapped: major for the middleware only',
      () => edit('shop.yaml', 'malformedBody: BadBody', 'malformedBody: BadBody\n    statuses:\n      404: NotFound'),
      { level: 'major', scope: 'shop', message: 'failures.statuses.404 answers with NotFound instead of internal', only: ['express', 'fastify'] },
      { codes: 'patch', express: 'major' },
    ],
    [
      'a code added: minor, with the exhaustive-switch warning',
      () => edit('shop.yaml', 'codes:\n', 'codes:\n  Gone:\n    status: 410\n    message:\n      en: It is gone.\n      fr: Parti.\n'),
      { level: 'minor', scope: 'shop', message: 'Gone added (410); a client with an exhaustive switch over ShopErrorCode must handle it' },
      { codes: 'minor', openapi: 'minor', 'json-schema': 'minor' },
    ],
    [
      'a translation added: minor',
      () => edit('shop.yaml', '      fr: Il n’y a rien ici.\n', ''),
      { level: 'major', scope: 'shop', message: 'NotFound: translation removed (fr); clients asking for it get the default locale' },
      { codes: 'major' },
    ],
    [
      'a translation added: minor',
      () => {
        edit('lab.yaml', 'wireFormat: rest-guidelines', 'wireFormat: rest-guidelines\n  locales: [en, fr]');
        edit('lab.yaml', '      en: The server failed.', '      en: The server failed.\n      fr: Le serveur a échoué.');
      },
      { level: 'minor', scope: 'lab', message: 'category ServerFault: translation added (fr)' },
      { codes: 'minor', express: 'minor' },
    ],
    [
      'a param description added: minor',
      () => edit('lab.yaml', '            type: string', '            type: string\n            description: What is wrong.'),
      { level: 'minor', scope: 'lab', message: 'BadArgument/BodyInvalid: placeholder {reason} described' },
      { codes: 'minor', openapi: 'minor' },
    ],
    [
      'a wire format changed: major',
      () => edit('shop.yaml', 'wireFormat: batch', 'wireFormat: problem-details'),
      { level: 'major', scope: 'shop', message: 'wire format batch → problem-details: every body changes shape' },
      { codes: 'major', openapi: 'major', 'json-schema': 'major', express: 'major' },
    ],
    [
      'a variant added: minor',
      () => edit('shop.yaml', /  NotFound:\n    status: 404\n    message:\n      en: Nothing is here.\n      fr: Il n’y a rien ici.\n/, '  NotFound:\n    variants:\n      - { status: 404, when: read, message: { en: Nothing is here., fr: Il n’y a rien ici. } }\n      - { status: 410, when: deleted, message: { en: It was here., fr: C’était ici. } }\n'),
      { level: 'minor', scope: 'shop', message: 'NotFound: variant deleted (410) added' },
      // The code now also answers 410: a status change, so major where the statuses show.
      { codes: 'major', openapi: 'major' },
    ],
    [
      'a locale added: minor',
      () => {
        edit('errcat.yaml', 'supported: [en, fr]', 'supported: [en, fr, de]');
        edit('shop.yaml', 'locales: [en, fr]', 'locales: [en, fr, de]');
      },
      { level: 'minor', scope: 'shop', message: 'locale de added' },
      { codes: 'minor', openapi: 'minor', express: 'minor' },
    ],
    [
      'a category added: minor',
      () => edit('lab.yaml', 'categories:\n', 'categories:\n  Conflict:\n    status: 409\n    message:\n      en: It conflicts.\n'),
      { level: 'minor', scope: 'lab', message: 'category Conflict added' },
      { codes: 'minor', openapi: 'minor', 'json-schema': 'minor' },
    ],
    [
      'a category described: patch, as documentation',
      () => edit('lab.yaml', '  BadArgument:\n    status: 400\n', '  BadArgument:\n    status: 400\n    description:\n      en: Arguments the service could not read.\n'),
      { level: 'patch', scope: 'lab', message: 'documentation changed: category descriptions or anchors' },
      { openapi: 'patch', 'json-schema': 'patch' },
    ],
    [
      'the service retitled and its source page listed: patch, as documentation',
      () => edit('shop.yaml', '  title: Shop API\n', '  title: Shop API v2\n  sources:\n    - { title: Shop error codes, locale: en }\n'),
      { level: 'patch', scope: 'shop', message: 'documentation changed: title, source pages' },
      { codes: 'patch', openapi: 'patch', 'json-schema': 'patch', express: 'patch' },
    ],
    [
      'a message reworded: patch, and only the packages whose files change',
      () => edit('shop.yaml', 'en: Nothing is here.', 'en: Nothing is here any more.'),
      { level: 'patch', scope: 'shop', message: 'NotFound: message reworded (en)' },
      { codes: 'patch', openapi: 'patch', 'json-schema': 'patch' },
    ],
  ])('%s', async (_name, change, expected, packages) => {
    change();
    const result = await diff();
    expect(result.changes).toContainEqual(expected);
    expect(bumps(result)).toEqual(packages);
    // A code or category added or removed is its own change, never also a documentation one.
    if (!expected.message.startsWith('documentation')) expect(result.changes.filter((entry) => entry.message.startsWith('documentation'))).toEqual([]);
  });

  describe('an embedded set', () => {
    const jobs = (codes: string) =>
      `embedded:\n  name: ShopJobs\n  title: Shop job errors\n  wireFormat: batch-scheduling\n  categories:\n    usererror:\n      title: UserError\n      codes:\n${codes}`;
    const code = (name: string) => `        ${name}:\n          reportedIn: [job]\n          message:\n            en: ${name} failed.\n            fr: ${name} a échoué.\n`;
    beforeEach(() => {
      for (const dir of ['base', 'spec']) {
        const shop = path.join(work, dir, 'shop.yaml');
        writeFileSync(shop, `${readFileSync(shop, 'utf8')}${jobs(code('First') + code('Second'))}`);
      }
    });

    it('a code added before the others: its own change, not also their order', async () => {
      edit('shop.yaml', code('First'), code('Zeroth') + code('First'));
      const result = await diff();
      expect(result.changes.map((entry) => `${entry.level} ${entry.scope} ${entry.message.split(';')[0]}`)).toEqual(['minor shop-jobs usererror/Zeroth added']);
    });

    it('codes reordered, a category described: patch, as documentation', async () => {
      edit('shop.yaml', code('First') + code('Second'), code('Second') + code('First'));
      edit('shop.yaml', '      title: UserError\n', '      title: UserError\n      description:\n        en: Mistakes in the job.\n        fr: Erreurs dans la tâche.\n');
      const result = await diff();
      expect(result.changes).toEqual([{ level: 'patch', scope: 'shop-jobs', message: "documentation changed: category descriptions or order, codes' order, notes, see-also or where they are reported" }]);
    });
  });

  it('a section reworded: patch, as documentation, bumping the docs package', async () => {
    for (const dir of ['base', 'spec']) {
      const settings = path.join(work, dir, 'errcat.yaml');
      writeFileSync(settings, readFileSync(settings, 'utf8').replace('targets: [codes, openapi, json-schema, express]', 'targets: [codes, openapi, docs]'));
      const shop = path.join(work, dir, 'shop.yaml');
      writeFileSync(shop, readFileSync(shop, 'utf8').replace('codes:\n', 'sections:\n  all:\n    title:\n      en: All codes\n      fr: Tous les codes\ncodes:\n').replace(/\n    status: (\d+)\n/g, '\n    status: $1\n    section: all\n'));
    }
    expect((await diff()).packages).toEqual([]);
    edit('shop.yaml', 'en: All codes', 'en: Every code');
    const result = await diff();
    expect(result.changes).toEqual([{ level: 'patch', scope: 'shop', message: 'documentation changed: sections' }]);
    expect(bumps(result)).toEqual({ docs: 'patch' });
  });

  it('a scope change is major for every package', async () => {
    edit('errcat.yaml', 'scope: "@acme"', 'scope: "@acme-corp"');
    const result = await diff();
    expect(result.changes).toEqual([{ level: 'major', scope: 'settings', message: 'scope @acme → @acme-corp: every package has a new name' }]);
    expect(result.packages.map((entry) => entry.level)).toEqual(['major', 'major', 'major', 'major']);
  });
});

describe('errcat diff output', () => {
  beforeEach(() => edit('shop.yaml', 'en: Nothing is here.', 'en: Nothing is here any more.'));

  it('prints a report grouped by error set and level, with each package\'s bump', async () => {
    const result = await errcat('diff', '--base', 'base');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'changes since base:\n\nshop\n  patch  NotFound: message reworded (en)\n\npackages:\n  @acme/codes        patch\n  @acme/openapi      patch\n  @acme/json-schema  patch\n',
    );
  });

  it('--check-level exits 1 above the level, 0 at it', async () => {
    expect((await errcat('diff', '--base', 'base', '--check-level', 'patch')).code).toBe(0);
    const above = await errcat('diff', '--base', 'base', '--check-level', 'none');
    expect(above.code).toBe(1);
    expect(above.stderr).toBe('the change is patch, above the allowed none\n');
    expect((await errcat('diff', '--base', 'base', '--check-level', 'huge')).code).toBe(1);
  });

  it('--changeset writes one changeset bumping exactly the packages that change', async () => {
    const result = await errcat('diff', '--base', 'base', '--changeset');
    const files = readdirSync(path.join(work, '.changeset'));
    expect(files).toHaveLength(1);
    expect(result.stderr).toBe(`wrote .changeset/${files[0]}\n`);
    expect(readFileSync(path.join(work, '.changeset', files[0]!), 'utf8')).toBe(
      '---\n"@acme/codes": patch\n"@acme/openapi": patch\n"@acme/json-schema": patch\n---\n\nCatalog changes:\n\n- shop: NotFound: message reworded (en) (patch)\n',
    );
    await errcat('diff', '--base', 'base', '--changeset');
    expect(readdirSync(path.join(work, '.changeset'))).toEqual(files);
  });
});

describe('errcat diff against git', () => {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: work, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

  it('compares with HEAD by default and with any ref, reading the committed spec without touching the work tree', async () => {
    rmSync(path.join(work, 'base'), { recursive: true });
    git('init', '-q');
    git('add', 'spec');
    git('commit', '-qm', 'first');
    edit('shop.yaml', 'status: 404', 'status: 410');
    git('commit', '-qam', 'second');
    edit('shop.yaml', 'en: Nothing is here.', 'en: Nothing is here any more.');
    const head = await errcat('diff', '--json');
    expect(JSON.parse(head.stdout).changes).toEqual([{ level: 'patch', scope: 'shop', message: 'NotFound: message reworded (en)' }]);
    const first = await errcat('diff', '--base', 'HEAD~1', '--json');
    expect(JSON.parse(first.stdout).changes.map((change: { message: string }) => change.message)).toEqual(['NotFound: status 404 → 410', 'NotFound: message reworded (en)']);
    expect(git('status', '--porcelain')).toBe(' M spec/shop.yaml\n');
    const missing = await errcat('diff', '--base', 'no-such-ref');
    expect(missing).toMatchObject({ code: 1, stderr: 'errcat: --base no-such-ref: no such commit, branch or tag, and no such folder\n' });
  });
});
