import type { Root, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { emitSpecYaml } from '../../import/emit-yaml.js';
import { starterCatalog } from '../../init/starter-catalog.js';
import { loadCatalogFromTexts } from '../../load/load-catalog.js';
import { generateAll } from '../../cli/commands/generate.js';
import { TARGETS } from '../registry.js';
import { fixtureInput } from './__fixtures__/target-input.js';

// Spec text is the user's, and may hold anything: a `|` or a line break in a
// service title must not break the READMEs' tables, raw HTML must show as
// text, and bidi controls must not reach TypeScript source raw.

const HOSTILE_TITLE = 'Pay | ments\nAPI <script>alert(1)</script> *bold* [link](x)';
const RLO = '\u202E';
// A message that would close a README's code block and open a heading of its own.
const FENCE_BREAKOUT = '\n```\n# Injected heading\n```';

function generate() {
  const files = starterCatalog({ scope: '@pay', service: 'pay', name: 'Pay', title: HOSTILE_TITLE, locales: ['en'], wireFormat: 'batch' });
  const service = files.service;
  const codes = service.codes!;
  codes.InvalidRequest!.message = { en: `The request is invalid: {reason}. ${RLO}gnp.exe${FENCE_BREAKOUT}` };
  const { catalog, diagnostics } = loadCatalogFromTexts([
    { file: 'errcat.yaml', text: emitSpecYaml(files.settings, 'schema.json') },
    { file: 'pay.yaml', text: emitSpecYaml(service, 'schema.json') },
  ]);
  expect(diagnostics).toEqual([]);
  return generateAll(Object.values(TARGETS), fixtureInput(catalog!));
}

const markdown = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text) as Root;

function nodesOf<T>(node: unknown, type: string): T[] {
  const found: T[] = [];
  const visit = (current: { type?: string; children?: unknown[] }) => {
    if (current.type === type) found.push(current as T);
    for (const child of current.children ?? []) visit(child as never);
  };
  visit(node as never);
  return found;
}

describe('spec text in generated files', () => {
  const files = generate();

  it.each(files.filter((file) => file.path.endsWith('.md')).map((file) => [file.path, file.contents]))('%s: tables keep their columns, HTML shows as text', (_path, contents) => {
    const tree = markdown(contents);
    for (const table of nodesOf<Table>(tree, 'table')) {
      const width = table.children[0]!.children.length;
      for (const row of table.children) expect(row.children.length).toBe(width);
    }
    // The generated-file notice and the docs pages' heading anchors are the only HTML.
    const anchor = /^(<a name="[\w-]+">|<\/a>)$/;
    expect(nodesOf<{ value: string }>(tree, 'html').filter((node) => !node.value.startsWith('<!--') && !anchor.test(node.value))).toEqual([]);
    expect(contents).not.toContain('<script>');
    const headings = nodesOf<{ children: { value?: string }[] }>(tree, 'heading').map((heading) => heading.children.map((child) => child.value ?? '').join(''));
    expect(headings.filter((heading) => heading.includes('Injected'))).toEqual([]);
    expect(contents).toContain('Pay \\| ments API &lt;script&gt;');
  });

  it('has the fence-breaking message in the READMEs and docs pages it checks', () => {
    const pages = files.filter((file) => file.path.endsWith('.md') && file.contents.includes('Injected heading'));
    expect(pages.map((file) => file.path)).toEqual(expect.arrayContaining([expect.stringMatching(/codes\/README\.md$/), expect.stringMatching(/docs\/markdown\/pay\.en\.md$/)]));
  });

  it('keeps bidi controls out of TypeScript source, as escapes in literals and as text in comments', () => {
    const sources = files.filter((file) => file.path.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(3);
    for (const file of sources) expect(file.contents, file.path).not.toContain(RLO);
    const catalog = sources.find((file) => file.path.endsWith('catalog.gen.ts'))!;
    expect(catalog.contents).toContain('{reason}. \\u202Egnp.exe');
  });
});
