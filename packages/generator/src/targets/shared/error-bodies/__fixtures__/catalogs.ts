// Catalogs and target input for the tests of the error-body builders and
// of the openapi and json-schema targets.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCatalog, loadCatalogFromTexts } from '../../../../load/load-catalog.js';
import type { Catalog } from '../../../../model/catalog.js';
import type { TargetInput } from '../../../target.js';
import { fixtureInput } from '../../__fixtures__/target-input.js';

export const REPO = path.resolve(import.meta.dirname, '../../../../../../..');
export const EDGE_SPEC = path.join(import.meta.dirname, 'edge');

/** The small spec next to this file, covering the corners the real catalog may lack. */
export function edgeCatalog(): Catalog {
  const texts = readdirSync(EDGE_SPEC)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ file: `edge/${name}`, text: readFileSync(path.join(EDGE_SPEC, name), 'utf8') }));
  return loaded(loadCatalogFromTexts(texts));
}

/** The catalog in the repository's spec/. */
export async function realCatalog(): Promise<Catalog> {
  return loaded(await loadCatalog(path.join(REPO, 'spec'), (absolute) => path.relative(REPO, absolute)));
}

export function targetInput(catalog: Catalog): TargetInput {
  return fixtureInput(catalog);
}

function loaded({ catalog, diagnostics }: ReturnType<typeof loadCatalogFromTexts>): Catalog {
  if (!catalog) throw new Error(`spec did not load:\n${diagnostics.map((entry) => JSON.stringify(entry)).join('\n')}`);
  return catalog;
}
