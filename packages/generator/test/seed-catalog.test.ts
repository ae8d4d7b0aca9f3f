import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/load/load-catalog.js';
import type { Catalog, Service } from '../src/model/catalog.js';
import { readCategoryPage, readFlatPage } from './helpers/doc-pages.js';

// Proves that every row of every table in the seed pages lives in spec/.
// The pages are read by a deliberately simple line parser (helpers/doc-pages)
// that shares nothing with `errcat import`, so a bug in the importer cannot
// hide itself.

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seeds = path.resolve(repo, 'spec/sources');

const ML_PAGES: ReadonlyArray<[file: string, locale: string]> = [
  ['ml-studio.en.md', 'en'],
  ['ml-studio.zh-TW.md', 'zh-TW'],
  ['ml-studio.fr.md', 'fr'],
  ['ml-studio.ko.md', 'ko'],
];
const BATCH_PAGE = 'batch.en.md';

const readMlPage = (file: string) => readCategoryPage(readFileSync(path.join(seeds, file), 'utf8'));

function readBatchPage() {
  const page = readFlatPage(readFileSync(path.join(seeds, BATCH_PAGE), 'utf8'));
  const [common = [], service = []] = page.http;
  return { common, service, categories: page.categories, job: page.job, task: page.task };
}

let catalog: Catalog;
const service = (id: string): Service => {
  const found = catalog.services.find((entry) => entry.id === id);
  if (!found) throw new Error(`no service ${id} in spec/`);
  return found;
};

beforeAll(async () => {
  const result = await loadCatalog(path.join(repo, 'spec'), (file) => file);
  if (!result.catalog) throw new Error(result.diagnostics.map((entry) => entry.message).join('\n'));
  catalog = result.catalog;
});

describe('ML Studio (classic) pages', () => {
  it('have 18 categories and 110 detail rows in every locale', () => {
    for (const [file] of ML_PAGES) {
      const sections = readMlPage(file);
      expect(sections).toHaveLength(18);
      expect(sections.flatMap((section) => section.rows)).toHaveLength(110);
    }
  });

  it.each(ML_PAGES)('%s (%s): every category is in spec/ with its status, message and description', (file, locale) => {
    const ml = service('ml-studio');
    for (const section of readMlPage(file)) {
      const category = ml.categories.find((entry) => entry.anchor === section.anchor);
      expect(category, section.anchor).toBeDefined();
      expect(category!.status).toBe(section.status);
      expect(category!.message[locale]).toBe(section.message);
      if (section.description.length > 0) expect(category!.description?.[locale]).toBe(section.description.join('\n\n'));
    }
  });

  it.each(ML_PAGES)('%s (%s): every detail row is in spec/ under its category, with its message', (file, locale) => {
    const ml = service('ml-studio');
    for (const section of readMlPage(file)) {
      const category = ml.categories.find((entry) => entry.anchor === section.anchor)!;
      for (const [code, message] of section.rows) {
        const entry = ml.codes.find((candidate) => candidate.key === `${category.name}/${code}`);
        expect(entry, `${category.name}/${code}`).toBeDefined();
        expect(entry!.status).toBe(section.status);
        if (message === '') {
          // An empty cell answers with the category's message.
          expect(entry!.messageFromCategory).toBe(true);
          expect(entry!.message[locale]).toBe(category.message[locale]);
        } else {
          expect(entry!.message[locale]).toBe(message);
        }
      }
    }
  });

  it('has nothing in spec/ that the pages do not list', () => {
    const listed = new Set(readMlPage(ML_PAGES[0]![0]).flatMap((section) => section.rows.map(([code]) => code)));
    for (const code of service('ml-studio').codes) expect(listed.has(code.name), code.key).toBe(true);
    expect(service('ml-studio').codes).toHaveLength(110);
  });
});

describe('Batch page', () => {
  it('has 34 common REST rows, 70 Batch service rows, 7 job and 14 task scheduling rows', () => {
    const page = readBatchPage();
    expect([page.common.length, page.service.length, page.job.length, page.task.length]).toEqual([34, 70, 7, 14]);
    expect(page.categories).toEqual([
      ['UserError', 'Errors in the task specification provided by the user.'],
      ['ServerError', 'Errors encountered by the Batch service that prevent it from scheduling the task.'],
    ]);
  });

  it('every REST row is in spec/ with its status and message', () => {
    const batch = service('batch');
    const { common, service: serviceRows } = readBatchPage();
    for (const [code = '', statusText = '', message = ''] of [...common, ...serviceRows]) {
      const status = Number(/\((\d{3})\)/.exec(statusText)?.[1]);
      const entry = batch.codes.find((candidate) => candidate.name === code);
      expect(entry, code).toBeDefined();
      expect(entry!.statuses).toContain(status);
      const answer = entry!.variants.length ? entry!.variants.find((variant) => variant.status === status)?.message : entry!.message;
      expect(answer?.en, code).toBe(message);
    }
  });

  it('every scheduling row is in spec/ with its category, message and the resource that reports it', () => {
    const embedded = service('batch').embedded!;
    const { job, task, categories } = readBatchPage();
    for (const [resource, rows] of [['job', job], ['task', task]] as const) {
      for (const [code = '', category = '', message = ''] of rows) {
        const entry = embedded.codes.find((candidate) => candidate.name === code && candidate.category === category.toLowerCase());
        expect(entry, code).toBeDefined();
        expect(entry!.message.en).toBe(message);
        expect(entry!.reportedIn).toContain(resource);
      }
    }
    for (const [name = '', description = ''] of categories) {
      const category = embedded.categories.find((entry) => entry.title === name);
      expect(category?.name).toBe(name.toLowerCase());
      expect(category?.description?.en).toBe(description);
    }
  });

  it('resolves what the page lists twice, visibly', () => {
    const batch = service('batch');
    const conditionNotMet = batch.codes.find((code) => code.name === 'ConditionNotMet')!;
    expect(conditionNotMet.variants.map((variant) => [variant.when, variant.status])).toEqual([
      ['read', 304],
      ['write', 412],
    ]);
    expect(batch.codes.filter((code) => code.name === 'NodeUserExists')).toHaveLength(1);
    expect(batch.codes.find((code) => code.name === 'NodeUserExists')!.note).toMatch(/merged/);
    expect(batch.codes.find((code) => code.name === 'JobBeingTerminated')!.alsoIn).toEqual(['usererror']);
    const unknown = batch.embedded!.codes.filter((code) => code.name === 'Unknown');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.reportedIn).toEqual(['job', 'task']);
    // 34 + 70 rows, less the second ConditionNotMet and NodeUserExists rows.
    expect(batch.codes).toHaveLength(102);
    expect(batch.embedded!.codes).toHaveLength(20);
  });
});
