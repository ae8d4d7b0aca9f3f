import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/load/load-catalog.js';
import type { Catalog } from '../src/model/catalog.js';
import { fixtureInput } from '../src/targets/shared/__fixtures__/target-input.js';
import { docsTarget } from '../src/targets/docs/index.js';
import { readCategoryPage, readFlatPage } from './helpers/doc-pages.js';

// The docs target gives the seed pages back: the generated Markdown and the
// pages in spec/sources/ are read by the same parser, and every row of every
// table is equal, in every locale, with the sections' anchors, statuses,
// messages and descriptions.

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seed = (file: string) => readFileSync(path.join(repo, 'spec/sources', file), 'utf8');

let catalog: Catalog;
let generated: Map<string, string>;
beforeAll(async () => {
  const result = await loadCatalog(path.join(repo, 'spec'), (file) => file);
  if (!result.catalog) throw new Error(result.diagnostics.map((entry) => entry.message).join('\n'));
  catalog = result.catalog;
  generated = new Map(docsTarget.generate(fixtureInput(catalog)).map((file) => [file.path, file.contents]));
});

const page = (name: string) => {
  const contents = generated.get(`packages/docs/markdown/${name}`);
  if (contents === undefined) throw new Error(`no ${name} among ${[...generated.keys()].join(', ')}`);
  return contents;
};
const sorted = (rows: string[][]) => rows.map((row) => row.join(' | ')).sort();

describe.each(['en', 'zh-TW', 'fr', 'ko'])('ML Studio in %s', (locale) => {
  it('has every section of the seed page under its anchor, with its status, message and description, and every row', () => {
    const source = readCategoryPage(seed(`ml-studio.${locale}.md`));
    const ours = readCategoryPage(page(`ml-studio.${locale}.md`));
    expect(ours.map((section) => section.anchor)).toEqual(source.map((section) => section.anchor));
    for (const [index, section] of source.entries()) {
      const mine = ours[index]!;
      expect({ status: mine.status, message: mine.message, description: mine.description }, section.anchor).toEqual({ status: section.status, message: section.message, description: section.description });
      expect(sorted(mine.rows), section.anchor).toEqual(sorted(section.rows));
    }
    expect(ours.flatMap((section) => section.rows)).toHaveLength(110);
  });
});

describe('Batch', () => {
  const statusOf = (text: string) => Number(/\((\d{3})\)/.exec(text)?.[1]);
  it('has every REST row of the seed page with its status and message (the page’s duplicate row once)', () => {
    const source = readFlatPage(seed('batch.en.md'));
    const ours = readFlatPage(page('batch.en.md'));
    const rows = (tables: string[][][]) => [...new Set(tables.flat().map(([code, status = '', message]) => `${code} | ${statusOf(status)} | ${message}`))].sort();
    expect(rows(ours.http)).toEqual(rows(source.http));
    expect(ours.http.flat()).toHaveLength(103);
    // The status column reads as on the source page: text and number.
    expect(ours.http.flat().find(([code]) => code === 'ResourceNotFound')?.[1]).toBe('Not Found (404)');
  });

  it('has the sections of the seed page under its anchors, each with its own rows in the page’s order', () => {
    const source = readFlatPage(seed('batch.en.md'));
    const ours = readFlatPage(page('batch.en.md'));
    expect(ours.httpSections.map((section) => section.anchor)).toEqual(['bk_ComRESTAPIErrCodes', 'bk_batchsererrcode']);
    expect(ours.httpSections.map((section) => section.anchor)).toEqual(source.httpSections.map((section) => section.anchor));
    expect(ours.embeddedAnchor).toBe('BKMK_JobTaskError');
    expect(ours.embeddedAnchor).toBe(source.embeddedAnchor);
    const row = ([code, status = '', message]: string[]) => `${code} | ${statusOf(status)} | ${message}`;
    // A code the page lists twice (NodeUserExists, the same row; ConditionNotMet, 304 and 412) is one code:
    // its rows stand together where the page first lists it.
    const firstListed = (rows: string[][]) => [...new Set(rows.map(([code]) => code))];
    for (const [index, section] of source.httpSections.entries()) {
      const mine = ours.httpSections[index]!;
      expect(firstListed(mine.rows), section.anchor).toEqual(firstListed(section.rows));
      expect(new Set(mine.rows.map(row)), section.anchor).toEqual(new Set(section.rows.map(row)));
      expect(mine.rows, section.anchor).toHaveLength(new Set(section.rows.map(row)).size);
    }
    expect(ours.httpSections.map((section) => section.rows.length)).toEqual([34, 69]);
  });

  it('has the scheduling categories and the job and task tables of the seed page, in its order', () => {
    const source = readFlatPage(seed('batch.en.md'));
    const ours = readFlatPage(page('batch.en.md'));
    expect(ours.categories).toEqual(source.categories);
    expect(ours.job).toEqual(source.job);
    // The spec writes codes under their category, so a table that mixes categories (the task table)
    // comes back with each category's rows in the page's order, UserError first; a code the job
    // table lists too (Unknown) is one code, at the place it is first listed.
    const byCategory = (rows: string[][]) => ['UserError', 'ServerError'].flatMap((category) => rows.filter((entry) => entry[1] === category));
    const taskOnly = (rows: string[][]) => rows.filter(([code]) => !source.job.some(([other]) => other === code));
    expect(taskOnly(ours.task)).toEqual(byCategory(taskOnly(source.task)));
    expect(sorted(ours.task)).toEqual(sorted(source.task));
  });

  it('is written in the locales the service has, only', () => {
    expect([...generated.keys()].filter((file) => file.includes('/markdown/batch.'))).toEqual(['packages/docs/markdown/batch.en.md']);
  });
});
