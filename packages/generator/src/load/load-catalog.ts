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
export function loadCatalogFromTexts(texts: readonly SpecText[], readDiagnostics: readonly Diagnostic[] = []): LoadResult {
  const diagnostics: Diagnostic[] = [...readDiagnostics];
  const files: SpecFile[] = [];
  for (const text of texts) {
    const { parsed, diagnostics: parseDiagnostics } = parseSpecFile(text);
    diagnostics.push(...parseDiagnostics);
    if (!parsed) continue;
    const structure = checkStructure(parsed);
    diagnostics.push(...structure.diagnostics);
    if (structure.data) files.push({ source: parsed, spec: structure.data, ...(structure.unknown ? { unknown: structure.unknown } : {}) });
  }
  const unreadable = diagnostics.length > 0;
  diagnostics.push(...validateSpec(files, { someFilesUnreadable: unreadable }));
  const sorted = sortDiagnostics(diagnostics);
  if (hasErrors(sorted) || texts.length === 0) return { catalog: undefined, diagnostics: sorted };
  return { catalog: normalizeCatalog(files), diagnostics: sorted };
}

/** Reads the spec folder and loads the catalog from it. */
export async function loadCatalog(specDir: string, display: (absolute: string) => string): Promise<LoadResult> {
  const { texts, diagnostics } = await readSpecDir(specDir, display);
  return loadCatalogFromTexts(texts, diagnostics);
}
