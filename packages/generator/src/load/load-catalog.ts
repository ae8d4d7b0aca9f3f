import type { PhaseTimer } from '../cli/timings.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Catalog } from '../model/catalog.js';
import { normalizeCatalog } from '../model/normalize.js';
import type { SpecFile } from '../spec/spec-file.js';
import { validateSpec } from '../validate/validate-spec.js';
import { checkStructure } from './check-structure.js';
import { parseSpecFile } from './parse-spec-file.js';
import { readSpecDir, type SpecText } from './read-spec-dir.js';

export interface LoadResult {
  /** Present only when there is no error (warnings allowed). */
  catalog: Catalog | undefined;
  diagnostics: Diagnostic[];
}

/** Parse → structure → rules → normalize, collecting every problem before stopping. */
export function loadCatalogFromTexts(texts: readonly SpecText[], readDiagnostics: readonly Diagnostic[] = [], timer?: PhaseTimer): LoadResult {
  const diagnostics: Diagnostic[] = [...readDiagnostics];
  const files: SpecFile[] = [];
  for (const text of texts) {
    const { parsed, diagnostics: parseDiagnostics } = parseSpecFile(text);
    diagnostics.push(...parseDiagnostics);
    if (!parsed) continue;
    const structure = checkStructure(parsed);
    diagnostics.push(...structure.diagnostics);
    if (structure.data) files.push({ source: parsed, spec: structure.data });
  }
  timer?.lap('parse');
  const unreadable = diagnostics.length > 0;
  diagnostics.push(...validateSpec(files, { someFilesUnreadable: unreadable }));
  const sorted = sortDiagnostics(diagnostics);
  timer?.lap('validate');
  if (hasErrors(sorted) || texts.length === 0) return { catalog: undefined, diagnostics: sorted };
  const catalog = normalizeCatalog(files);
  timer?.lap('normalize');
  return { catalog, diagnostics: sorted };
}

/** Reads the spec folder and loads the catalog from it. */
export async function loadCatalog(specDir: string, display: (absolute: string) => string, timer?: PhaseTimer): Promise<LoadResult> {
  const { texts, diagnostics } = await readSpecDir(specDir, display);
  timer?.lap('read spec');
  return loadCatalogFromTexts(texts, diagnostics, timer);
}
