export { run } from './cli/main.js';
export { loadCatalog, loadCatalogFromTexts, type LoadResult } from './load/load-catalog.js';
export type * from './model/catalog.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
export { DIAGNOSTICS, type DiagnosticId } from './diagnostics/definitions.js';
export { importPages } from './import/import-pages.js';
