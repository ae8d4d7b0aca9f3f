import path from 'node:path';
import { loadCatalog } from '../../load/load-catalog.js';
import { displayPath, EXIT, type CliIo } from '../io.js';
import { reportDiagnostics } from '../report.js';

/** Prints the normalized Catalog model, for users and scripts. */
export async function inspectCommand(io: CliIo, options: { root: string; spec: string; json: boolean }): Promise<number> {
  const specDir = path.resolve(io.cwd, options.root, options.spec);
  const { catalog, diagnostics } = await loadCatalog(specDir, (absolute) => displayPath(io, absolute));
  reportDiagnostics(io, diagnostics);
  if (!catalog) return EXIT.userError;
  if (options.json) {
    io.out(`${JSON.stringify(catalog, null, 2)}\n`);
    return EXIT.ok;
  }
  for (const service of catalog.services) {
    io.out(`${service.id} (${service.title}): wire format ${service.wireFormat}, locales ${service.locales.join(', ')}\n`);
    for (const category of service.categories) io.out(`  category ${category.name} ${category.status}: ${category.codes.length} codes\n`);
    const statuses = new Map<number, number>();
    for (const code of service.codes) for (const status of code.statuses) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    io.out(`  ${service.codes.length} codes by status: ${[...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ')}\n`);
    if (service.embedded) io.out(`  ${service.embedded.codes.length} ${service.embedded.title.toLowerCase()} (${service.embedded.name})\n`);
  }
  return EXIT.ok;
}
