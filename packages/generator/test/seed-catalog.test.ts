import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/load/load-catalog.js';
import type { Catalog, Service } from '../src/model/catalog.js';

// Proves that every row of every table in the seed pages lives in spec/.
// The pages are read here by a deliberately simple line parser that shares
// nothing with `errcat import`, so a bug in the importer cannot hide itself.

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const seeds = path.resolve(repo, 'spec/sources');

const ML_PAGES: ReadonlyArray<[file: string, locale: string]> = [
  ['ml-studio.en.md', 'en'],
  ['ml-studio.zh-TW.md', 'zh-TW'],
  ['ml-studio.fr.md', 'fr'],
  ['ml-studio.ko.md', 'ko'],
];
const BATCH_PAGE = 'batch.en.md';

interface MlSection {
  anchor: string;
  status: number;
  message: string;
  description: string[];
  rows: Array<[code: string, message: string]>;
}

/** `| a | b |` → ['a', 'b']; markdown emphasis is rendered away, as on the page. */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim().replace(/\*([^*]+)\*/g, '$1'));
}

const isTableLine = (line: string) => line.trim().startsWith('|');
const isSeparator = (line: string) => /^\|\s*-/.test(line.trim());

/** Table rows of a block of lines, without the header row and the separator. */
function tableRows(lines: string[]): string[][] {
  const rows: string[][] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (!isTableLine(line) || isSeparator(line)) continue;
    if (isSeparator(lines[index + 1] ?? '')) continue;
    rows.push(cells(line));
  }
  return rows;
}

function readMlPage(file: string): MlSection[] {
  const lines = readFileSync(path.join(seeds, file), 'utf8').split('\n');
  const sections: MlSection[] = [];
  let current: { heading: string; body: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const anchor = /<a name="([^"]+)"/.exec(current.heading)?.[1] ?? slug(current.heading);
    const prose = current.body.map((line) => line.trim()).filter((line) => line && !isTableLine(line) && !line.startsWith('<!--'));
    sections.push({
      anchor,
      status: Number(/(\d{3})\)\s*$/.exec(current.heading)?.[1]),
      message: prose[0] ?? '',
      description: prose.slice(1),
      rows: tableRows(current.body).map(([code = '', message = '']) => [code, message]),
    });
  };
  for (const line of lines) {
    if (line.startsWith('## ')) {
      flush();
      current = { heading: line.slice(3).trim(), body: [] };
    } else if (current) {
      current.body.push(line);
    }
  }
  flush();
  return sections;
}

function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[()]/g, '')
    .trim()
    .split(/\s+/)
    .join('-');
}

function readBatchPage() {
  const text = readFileSync(path.join(seeds, BATCH_PAGE), 'utf8');
  const part = (start: string, end?: string) => {
    const from = text.indexOf(start);
    const to = end ? text.indexOf(end, from) : text.length;
    return text.slice(from, to).split('\n');
  };
  const common = tableRows(part('name="bk_ComRESTAPIErrCodes"', 'name="bk_batchsererrcode"'));
  const service = tableRows(part('name="bk_batchsererrcode"', 'name="BKMK_JobTaskError"'));
  const categories = tableRows(part('list of categories for task scheduling errors', 'Below is a sample'));
  const job = tableRows(part('list of job scheduling error codes', 'list of task scheduling error codes'));
  const task = tableRows(part('list of task scheduling error codes'));
  return { common, service, categories, job, task };
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
