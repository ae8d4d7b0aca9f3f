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
  // Apart from the fields that state the order written (documented sections,
  // their codes, embedded positions), which the docs give back as the source
  // pages have it.
  const writtenOrder = (key: string, value: unknown) => (key === 'sections' || key === 'order' ? undefined : value);

  it('does not depend on the order of keys or files in the spec', () => {
    const shuffled = [...seedTexts].reverse().map(({ file, text }) => ({ file, text: jsYaml.dump(reversed(jsYaml.load(text))) }));
    const [a, b] = [JSON.stringify(load(shuffled), writtenOrder), JSON.stringify(load(seedTexts), writtenOrder)];
    // Compared as text, so key order counts too; the first difference is shown, not 300 kB of JSON.
    const first = [...a].findIndex((char, index) => char !== b[index]);
    expect(first === -1 && a.length === b.length ? '' : a.slice(Math.max(0, first - 120), first + 120)).toBe('');
  });

  it('keeps the order written where it states one: sections, their codes, embedded categories and codes', () => {
    const shuffled = seedTexts.map(({ file, text }) => ({ file, text: jsYaml.dump(reversed(jsYaml.load(text))) }));
    const [mine, theirs] = [load(seedTexts), load(shuffled)].map((catalog) => catalog.services.find((service) => service.id === 'batch')!);
    const written = (service: typeof mine) => ({
      sections: service!.sections.map((section) => [section.key, ...section.codes]),
      categories: [...service!.embedded!.categories].sort((a, b) => a.order - b.order).map((category) => category.name),
      codes: [...service!.embedded!.codes].sort((a, b) => a.order - b.order).map((code) => `${code.category}/${code.name}`),
    });
    const asWritten = written(mine);
    const backwards = <T>(items: readonly T[]) => [...items].reverse();
    expect(written(theirs)).toEqual({
      sections: backwards(asWritten.sections.map(([key, ...codes]) => [key, ...backwards(codes)])),
      categories: backwards(asWritten.categories),
      codes: backwards(asWritten.codes),
    });
    expect(asWritten.sections.map(([key]) => key)).toEqual(['common-rest-api-error-codes', 'batch-service-error-codes']);
    expect(asWritten.categories).toEqual(['usererror', 'servererror']);
    expect(asWritten.sections[0]!.slice(1, 3)).toEqual(['ConditionNotMet', 'MissingRequiredHeader']);
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
