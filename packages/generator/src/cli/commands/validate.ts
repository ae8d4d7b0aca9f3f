import path from 'node:path';
import { CATALOG_KEYS, loadCatalog } from '../../load/load-catalog.js';
import { displayPath, EXIT, type CliIo } from '../io.js';
import { plural, reportDiagnostics } from '../report.js';

export async function validateCommand(io: CliIo, options: { root: string; spec: string }): Promise<number> {
  const specDir = path.resolve(io.cwd, options.root, options.spec);
  const { catalog, diagnostics, skipped } = await loadCatalog(specDir, (absolute) => displayPath(io, absolute));
  // Quietly, on stderr: an OpenAPI document kept in spec/ is fine, but a catalog file read as one would not be.
  // (When every file is skipped, E002 says so.)
  if (skipped.length > 0 && !diagnostics.some((entry) => entry.id === 'noSpecFiles')) {
    io.err(`note: skipped ${skipped.join(', ')}: not a catalog file (none of ${CATALOG_KEYS.join(', ')} at the top level)\n`);
  }
  reportDiagnostics(io, diagnostics);
  if (!catalog) return EXIT.userError;
  const codes = catalog.services.reduce((sum, service) => sum + service.codes.length + (service.embedded?.codes.length ?? 0), 0);
  io.out(`${displayPath(io, specDir)}: ${plural(catalog.services.length, 'service')}, ${plural(codes, 'code')}, ${plural(catalog.settings.locales.length, 'locale')}; no errors\n`);
  return EXIT.ok;
}
