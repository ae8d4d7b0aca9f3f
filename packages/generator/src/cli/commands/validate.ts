import path from 'node:path';
import { loadCatalog } from '../../load/load-catalog.js';
import { displayPath, EXIT, type CliIo } from '../io.js';
import { plural, reportDiagnostics } from '../report.js';

export async function validateCommand(io: CliIo, options: { root: string; spec: string }): Promise<number> {
  const specDir = path.resolve(io.cwd, options.root, options.spec);
  const { catalog, diagnostics } = await loadCatalog(specDir, (absolute) => displayPath(io, absolute));
  reportDiagnostics(io, diagnostics);
  if (!catalog) return EXIT.userError;
  const codes = catalog.services.reduce((sum, service) => sum + service.codes.length + (service.embedded?.codes.length ?? 0), 0);
  io.out(`${displayPath(io, specDir)}: ${plural(catalog.services.length, 'service')}, ${plural(codes, 'code')}, ${plural(catalog.settings.locales.length, 'locale')}; no errors\n`);
  return EXIT.ok;
}
