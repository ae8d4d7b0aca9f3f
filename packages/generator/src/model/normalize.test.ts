import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadCatalogFromTexts } from '../load/load-catalog.js';
import type { Catalog } from './catalog.js';

const specDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../spec');
const seedTexts = readdirSync(specDir)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, text: readFileSync(path.join(specDir, file), 'utf8') }));

function load(texts: Array<{ file: string; text: string }>): Catalog {
  const { catalog, diagnostics } = loadCatalogFromTexts(texts);
  if (!catalog) throw new Error(diagnostics.map((entry) => entry.message).join('\n'));
  return catalog;
}

/** The same data with every mapping's keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([key, child]) => [key, reversed(child)]));
  return value;
}

describe('the Catalog model', () => {
  it('does not depend on the order of keys or files in the spec', () => {
    const shuffled = [...seedTexts].reverse().map(({ file, text }) => ({ file, text: jsYaml.dump(reversed(jsYaml.load(text))) }));
    const [a, b] = [JSON.stringify(load(shuffled)), JSON.stringify(load(seedTexts))];
    // Compared as text, so key order counts too; the first difference is shown, not 300 kB of JSON.
    const first = [...a].findIndex((char, index) => char !== b[index]);
    expect(first === -1 && a.length === b.length ? '' : a.slice(Math.max(0, first - 120), first + 120)).toBe('');
  });

  it('is sorted: services by id, categories by name, codes by key, default locale first', () => {
    const catalog = load(seedTexts);
    const sorted = (items: string[]) => [...items].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(catalog.services.map((service) => service.id)).toEqual(['batch', 'ml-studio']);
    for (const service of catalog.services) {
      expect(service.codes.map((code) => code.key)).toEqual(sorted(service.codes.map((code) => code.key)));
      expect(service.categories.map((category) => category.name)).toEqual(sorted(service.categories.map((category) => category.name)));
    }
    const ml = catalog.services[1]!;
    expect(ml.locales).toEqual(['en', 'fr', 'ko', 'zh-TW']);
    expect(Object.keys(ml.codes[0]!.message)).toEqual(['en', 'fr', 'ko', 'zh-TW']);
    expect(catalog.settings.locales).toEqual(['en', 'fr', 'ko', 'zh-TW']);
  });

  it('is frozen all the way down', () => {
    const catalog = load(seedTexts);
    const code = catalog.services[0]!.codes[0]!;
    expect(Object.isFrozen(catalog.services)).toBe(true);
    expect(Object.isFrozen(code.message)).toBe(true);
    expect(() => {
      (code.statuses as number[]).push(999);
    }).toThrow(TypeError);
  });

  it('resolves defaults so targets never interpret the spec', () => {
    const catalog = load(seedTexts);
    const [batch, ml] = catalog.services as [Catalog['services'][number], Catalog['services'][number]];
    const unknown = ml.codes.find((code) => code.key === 'InternalError/UnknownError')!;
    expect(unknown).toMatchObject({ status: 500, statuses: [500], messageFromCategory: true, category: 'InternalError' });
    expect(unknown.message.en).toBe('Execution encountered an internal error.');
    expect(batch.codes.find((code) => code.name === 'ConditionNotMet')).toMatchObject({ status: 304, statuses: [304, 412] });
    expect(ml.failures.internal).toEqual({ kind: 'code', key: 'InternalError/UnknownError' });
    expect(ml.failures.notFound).toEqual({ kind: 'category', category: 'NotFound' });
    expect(batch.codes.find((code) => code.name === 'BlobNotFound')).toBeUndefined();
    expect(ml.codes.find((code) => code.key === 'BadArgument/BlobNotFound')!.params.map((param) => param.name)).toEqual(['blob', 'azureMessage']);
  });
});
