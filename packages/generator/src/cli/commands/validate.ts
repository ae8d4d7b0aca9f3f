import path from 'node:path';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { CATALOG_KEYS, checkCatalog } from '../../load/load-catalog.js';
import type { SpecFile } from '../../spec/spec-file.js';
import { displayPath, EXIT, type CliIo } from '../io.js';
import { plural, reportDiagnostics } from '../report.js';

// Diagnostics only: the spec is checked, and the catalog (which no check
// needs) is not built; its size is counted from the checked files.
export async function validateCommand(io: CliIo, options: { root: string; spec: string }): Promise<number> {
  const specDir = path.resolve(io.cwd, options.root, options.spec);
  const { files, diagnostics, skipped } = await checkCatalog(specDir, (absolute) => displayPath(io, absolute));
  // Quietly, on stderr: an OpenAPI document kept in spec/ is fine, but a catalog file read as one would not be.
  // (When every file is skipped, E002 says so.)
  if (skipped.length > 0 && !diagnostics.some((entry) => entry.id === 'noSpecFiles')) {
    io.err(`note: skipped ${skipped.join(', ')}: not a catalog file (none of ${CATALOG_KEYS.join(', ')} at the top level)\n`);
  }
  reportDiagnostics(io, diagnostics);
  if (hasErrors(diagnostics) || files.length === 0) return EXIT.userError;
  const { services, codes, locales } = catalogSize(files);
  io.out(`${displayPath(io, specDir)}: ${plural(services, 'service')}, ${plural(codes, 'code')}, ${plural(locales, 'locale')}; no errors\n`);
  return EXIT.ok;
}

/** Services, codes (detail, HTTP and embedded) and supported locales, as the catalog built from valid files holds them. */
function catalogSize(files: readonly SpecFile[]): { services: number; codes: number; locales: number } {
  const count = (record: Readonly<Record<string, unknown>> | undefined) => Object.keys(record ?? {}).length;
  let services = 0;
  let codes = 0;
  for (const { spec } of files) {
    if (!spec.service) continue;
    services++;
    codes += count(spec.codes);
    for (const category of Object.values(spec.categories ?? {})) codes += count(category.codes);
    for (const category of Object.values(spec.embedded?.categories ?? {})) codes += count(category.codes);
  }
  const settings = files.find((file) => file.spec.settings)?.spec.settings;
  return { services, codes, locales: new Set(settings?.locales.supported).size };
}
