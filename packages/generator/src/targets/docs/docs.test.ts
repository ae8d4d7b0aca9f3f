import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../load/load-catalog.js';
import { readSections } from '../../../test/helpers/doc-pages.js';
import { fixtureInput } from '../shared/__fixtures__/target-input.js';
import { scriptJson } from './html-page.js';
import { docsTarget } from './index.js';
import { fillShape, ShapeTable } from './wire-templates.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');

describe('docs target', () => {
  it('gives byte-identical files for one catalog, and names every file it writes', async () => {
    const { catalog } = await loadCatalog(path.join(repo, 'spec'), (file) => file);
    const first = docsTarget.generate(fixtureInput(catalog!));
    const second = docsTarget.generate(fixtureInput(catalog!));
    expect(second).toEqual(first);
    expect(first.map((file) => file.path).sort()).toEqual([
      'packages/docs/README.md',
      'packages/docs/index.html',
      'packages/docs/markdown/batch.en.md',
      'packages/docs/markdown/ml-studio.en.md',
      'packages/docs/markdown/ml-studio.fr.md',
      'packages/docs/markdown/ml-studio.ko.md',
      'packages/docs/markdown/ml-studio.zh-TW.md',
      'packages/docs/package.json',
      'packages/docs/turbo.json',
    ]);
    // (The page's own script says `undefined`; the text around it must not.)
    for (const file of first) expect(file.contents.replace(/<script>[^]*?<\/script>/, ''), file.path).not.toMatch(/\bundefined\b|\bnull\b|\[object Object\]/);
  });

  it('renders a project’s own page template in place of errcat’s', async () => {
    const { catalog } = await loadCatalog(path.join(repo, 'spec'), (file) => file);
    const input = fixtureInput(catalog!);
    const files = docsTarget.generate({ ...input, templates: { ...input.templates, 'docs.service.md.hbs': '# {{title}} (ours)\n' } });
    expect(files.find((file) => file.path.endsWith('ml-studio.ko.md'))?.contents).toBe('# Machine Learning REST API 오류 코드 (ours)\n');
  });
});

describe('docs pages of a service with sections', () => {
  it('lists each section under its anchor with its codes as written, then the codes in none, then the embedded set under its heading', async () => {
    const { catalog, diagnostics } = await loadCatalog(path.join(repo, 'packages/generator/test/fixtures/every-field'), (file) => file);
    expect(diagnostics).toEqual([]);
    const page = docsTarget.generate(fixtureInput(catalog!)).find((file) => file.path.endsWith('/markdown/depot.en.md'))!.contents;
    const sections = readSections(page).map((section) => ({ anchor: section.anchor, message: section.message, codes: section.tables.map((table) => table.map(([code = '']) => code)) }));
    expect(sections).toEqual([
      { anchor: 'request-errors', message: 'Errors in what the client sent.', codes: [['BadBody']] },
      // No anchor in the spec: one made from the service and the key.
      { anchor: 'depot-server', message: '', codes: [['Broken']] },
      { anchor: 'depot-error-codes', message: '', codes: [['Conflict', 'Conflict']] },
      { anchor: 'job-errors', message: 'Reported inside jobs and tasks.', codes: [['Failed'], ['Broken'], ['Broken']] },
    ]);
    expect(page).toContain('## <a name="depot-server"></a>Server errors\n');
    expect(page).toContain('## <a name="job-errors"></a>Job and task errors\n');
  });
});

describe('scriptJson', () => {
  it('cannot end its <script> block, and keeps U+2028/U+2029 out of the text', () => {
    const text = scriptJson({ message: '</script><!-- \u2028\u2029 &' });
    expect(text).not.toMatch(/<|\u2028|\u2029/);
    expect(JSON.parse(text)).toEqual({ message: '</script><!-- \u2028\u2029 &' });
  });
});

describe('ShapeTable', () => {
  it.each([
    ['a code named inside its category', { error: { code: 'BadArgument', message: 'Bad.', details: [{ code: 'Argument', message: 'Argument is bad.' }] } }, { n: 'Argument', k: 'BadArgument', m: 'Argument is bad.', c: 'Bad.', l: '' }],
    ['a code named like its message', { type: 'https://e.example/Found', title: 'Found', status: 302, detail: 'Found', code: 'Found' }, { n: 'Found', k: '', m: 'Found', c: '', l: '' }],
    ['a message holding the marker character', { code: 'X', message: { lang: 'en-US', value: 'nul \u0000m here' } }, { n: 'X', k: '', m: 'nul \u0000m here', c: '', l: 'en-US' }],
  ])('gives back the very body: %s', (_, body, values) => {
    const table = new ShapeTable();
    const index = table.add(body, values);
    expect(fillShape(JSON.parse(table.shapes[index]!), values)).toEqual(body);
  });

  it('refuses a body holding what is no JSON, whose shape could not give it back', () => {
    const table = new ShapeTable();
    expect(() => table.add({ code: 'X', at: new Date(0) }, { n: 'X', k: '', m: '', c: '', l: '' })).toThrow(/no JSON value/);
  });

  it('shares one shape between codes of the same shape', () => {
    const table = new ShapeTable();
    const a = table.add({ code: 'PoolNotFound', message: { lang: 'en-US', value: 'No pool.' } }, { n: 'PoolNotFound', k: '', m: 'No pool.', c: '', l: 'en-US' });
    const b = table.add({ code: 'JobNotFound', message: { lang: 'en-US', value: 'No job.' } }, { n: 'JobNotFound', k: '', m: 'No job.', c: '', l: 'en-US' });
    expect(b).toBe(a);
    expect(table.shapes).toHaveLength(1);
  });
});
