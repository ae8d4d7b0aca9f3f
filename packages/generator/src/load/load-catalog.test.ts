import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isCatalogData, loadCatalogFromTexts } from './load-catalog.js';

const base = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/bad-specs/_base');
const baseTexts = readdirSync(base)
  .sort()
  .map((file) => ({ file: `spec/${file}`, text: readFileSync(path.join(base, file), 'utf8') }));

const openapi = 'openapi: 3.1.0\ninfo:\n  title: Shop\n  version: 1.0.0\npaths: {}\n';

describe('files in the spec folder that are not catalog files', () => {
  it.each([
    ['an OpenAPI document', { openapi: '3.1.0', info: {}, paths: {} }, false],
    ['a CI config', { jobs: { test: {} }, on: ['push'] }, false],
    ['a settings file', { settings: {} }, true],
    ['a service file', { service: {}, codes: {} }, true],
    ['a typo of a catalog key', { servcie: {}, codes: {} }, true],
    ['a typo alone', { settigns: {} }, true],
    ['a capitalized key', { Service: {} }, true],
    ['a list', ['a', 'b'], true],
    ['a scalar', 'settings', true],
  ])('%s: catalog file = %s', (_name, data, expected) => {
    expect(isCatalogData(data)).toBe(expected);
  });

  it('are skipped, with nothing reported about them', () => {
    const result = loadCatalogFromTexts([...baseTexts, { file: 'spec/openapi.yaml', text: `${openapi}info: duplicate\n` }]);
    expect(result.diagnostics).toEqual([]);
    expect(result.skipped).toEqual(['spec/openapi.yaml']);
    expect(result.catalog?.services.map((service) => service.id)).toEqual(['lab', 'shop']);
  });

  it('a top-level typo of a catalog key still makes a catalog file, and E103 suggests the fix', () => {
    const result = loadCatalogFromTexts([...baseTexts, { file: 'spec/extra.yaml', text: 'settigns:\n  scope: "@acme"\n' }]);
    expect(result.skipped).toEqual([]);
    expect(result.diagnostics.map((entry) => `${entry.file}:${entry.line}:${entry.column} ${entry.code} ${entry.message}`)).toContain(
      'spec/extra.yaml:1:1 E103 unknown field `settigns`; did you mean `settings`?',
    );
  });

  it('a folder of nothing but other YAML is E002, naming what was skipped', () => {
    const result = loadCatalogFromTexts([{ file: 'spec/openapi.yaml', text: openapi }], [], 'spec');
    expect(result.catalog).toBeUndefined();
    expect(result.diagnostics.map((entry) => [entry.code, entry.file, entry.message])).toEqual([
      ['E002', 'spec', 'spec holds no .yaml spec files (only YAML that is not a catalog: spec/openapi.yaml); add one per service, or run `errcat import <page.md>`'],
    ]);
  });
});
