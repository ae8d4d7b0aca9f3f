import path from 'node:path';
import type { PhaseTimer } from '../cli/timings.js';
import specSchema from '../../schema/spec.schema.json' with { type: 'json' };
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalog } from '../model/catalog.js';
import { normalizeCatalog } from '../model/normalize.js';
import type { SpecFile } from '../spec/spec-file.js';
import { validateSpec } from '../validate/validate-spec.js';
import { checkStructure } from './check-structure.js';
import { suggest } from '../util/suggest.js';
import { parseSpecFile } from './parse-spec-file.js';
import { readSpecDir, type SpecText } from './read-spec-dir.js';

export interface LoadResult {
  /** Present only when there is no error (warnings allowed). */
  catalog: Catalog | undefined;
  diagnostics: Diagnostic[];
  /** YAML files in the spec folder that are not catalog files (an `openapi.yaml` kept next to the catalog), left alone. */
  skipped: string[];
}

/** The top-level keys of a catalog file. */
export const CATALOG_KEYS: readonly string[] = Object.keys(specSchema.properties);

/**
 * A mapping whose top level holds none of the catalog's keys (nor a likely
 * typo of one, such as `servcie:`) is some other tool's YAML: an OpenAPI
 * document, a CI config. Anything else (a list, a scalar) is a broken catalog
 * file and reported as such.
 */
export function isCatalogData(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return true;
  return Object.keys(data).some((key) => CATALOG_KEYS.includes(key) || suggest(key, CATALOG_KEYS) !== undefined);
}

export interface CheckResult {
  /** Every file that passed the structural check; a catalog can be built from them when `diagnostics` hold no error. */
  files: SpecFile[];
  diagnostics: Diagnostic[];
  skipped: string[];
}

/** Parse → structure → rules → normalize, collecting every problem before stopping. */
export function loadCatalogFromTexts(texts: readonly SpecText[], readDiagnostics: readonly Diagnostic[] = [], dir?: string, timer?: PhaseTimer): LoadResult {
  const { files, diagnostics, skipped } = checkCatalogTexts(texts, readDiagnostics, dir, timer);
  if (hasErrors(diagnostics) || files.length === 0) return { catalog: undefined, diagnostics, skipped };
  const catalog = normalizeCatalog(files);
  timer?.lap('normalize');
  return { catalog, diagnostics, skipped };
}

/** Parse → structure → rules: every problem of the spec, without building the catalog. */
export function checkCatalogTexts(texts: readonly SpecText[], readDiagnostics: readonly Diagnostic[] = [], dir?: string, timer?: PhaseTimer): CheckResult {
  const diagnostics: Diagnostic[] = [...readDiagnostics];
  const files: SpecFile[] = [];
  const skipped: string[] = [];
  for (const text of texts) {
    const { parsed, diagnostics: parseDiagnostics } = parseSpecFile(text);
    if (parsed && !isCatalogData(parsed.data)) {
      skipped.push(text.file);
      continue;
    }
    diagnostics.push(...parseDiagnostics);
    if (!parsed) continue;
    const structure = checkStructure(parsed);
    diagnostics.push(...structure.diagnostics);
    if (structure.data) files.push({ source: parsed, spec: structure.data, ...(structure.unknown ? { unknown: structure.unknown } : {}) });
  }
  if (texts.length > 0 && skipped.length === texts.length) {
    const folder = dir ?? path.dirname(skipped[0]!);
    diagnostics.push(diagnostic('noSpecFiles', { file: folder, line: 0, column: 0 }, { dir: folder, skipped }));
  }
  timer?.lap('parse');
  const unreadable = diagnostics.length > 0;
  diagnostics.push(...validateSpec(files, { someFilesUnreadable: unreadable }));
  const sorted = sortDiagnostics(diagnostics);
  timer?.lap('validate');
  return { files, diagnostics: sorted, skipped };
}

/** Reads the spec folder and checks it, building no catalog: `errcat validate`. */
export async function checkCatalog(specDir: string, display: (absolute: string) => string): Promise<CheckResult> {
  const { texts, diagnostics } = await readSpecDir(specDir, display);
  return checkCatalogTexts(texts, diagnostics, display(specDir));
}

/** Reads the spec folder and loads the catalog from it (`inspect`, `diff`; `generate` reads first, to decide a no-op from the texts). */
export async function loadCatalog(specDir: string, display: (absolute: string) => string): Promise<LoadResult> {
  const { texts, diagnostics } = await readSpecDir(specDir, display);
  return loadCatalogFromTexts(texts, diagnostics, display(specDir));
}
