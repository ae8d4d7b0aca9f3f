import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compareCatalogs, LEVELS, type Level } from '../../diff/compare-catalogs.js';
import { packageBumps } from '../../diff/package-levels.js';
import { readBaseSpec } from '../../diff/read-base.js';
import { changesetFile, formatJson, formatReport, highestLevel, type DiffResult } from '../../diff/report.js';
import { loadCatalog, loadCatalogFromTexts } from '../../load/load-catalog.js';
import type { Catalog } from '../../model/catalog.js';
import { TARGETS } from '../../targets/registry.js';
import { displayPath, EXIT, type CliIo } from '../io.js';
import { reportDiagnostics } from '../report.js';
import { UserError } from '../user-error.js';
import { enabledTargets, generateAll, gatherInput } from './generate.js';
import { detectProject } from '../../project/detect-project.js';

export interface DiffOptions {
  root: string;
  spec: string;
  base: string;
  json: boolean;
  changeset: boolean;
  checkLevel?: string;
}

/** `errcat diff`: what the catalog's changes since `--base` mean for each generated package. */
export async function diffCommand(io: CliIo, options: DiffOptions): Promise<number> {
  const limit = options.checkLevel;
  if (limit !== undefined && limit !== 'none' && !LEVELS.includes(limit as Level)) throw new UserError(`--check-level ${limit}: choose none, patch, minor or major`);
  const root = path.resolve(io.cwd, options.root);
  const specDir = path.resolve(root, options.spec);
  const display = (absolute: string) => displayPath(io, absolute);
  const head = await loadCatalog(specDir, display);
  if (!head.catalog) {
    reportDiagnostics(io, head.diagnostics);
    io.err('the catalog has errors; fix them before comparing it\n');
    return EXIT.userError;
  }
  const baseSpec = await readBaseSpec(root, specDir, options.base, display);
  const base = baseSpec.texts.length === 0 && baseSpec.diagnostics.length === 0 ? { catalog: emptyLike(head.catalog), diagnostics: [] } : loadCatalogFromTexts(baseSpec.texts, baseSpec.diagnostics);
  if (!base.catalog) {
    reportDiagnostics(io, base.diagnostics);
    io.err(`the catalog at ${baseSpec.label} has errors, so it cannot be compared; pass another --base\n`);
    return EXIT.userError;
  }
  const result = await diffCatalogs(root, base.catalog, head.catalog, baseSpec.label);
  io.out(options.json ? formatJson(result) : formatReport(result));
  if (options.changeset && result.packages.length > 0) {
    const { name, contents } = changesetFile(result);
    const file = path.join(root, '.changeset', name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, contents, 'utf8');
    io.err(`wrote ${display(file)}\n`);
  }
  const level = highestLevel(result);
  if (limit !== undefined && ['none', ...LEVELS].indexOf(level) > ['none', ...LEVELS].indexOf(limit)) {
    io.err(`the change is ${level}, above the allowed ${limit}\n`);
    return EXIT.userError;
  }
  return EXIT.ok;
}

/** Compares the catalogs and regenerates both in memory, so a package whose files stay the same is never bumped. */
export async function diffCatalogs(root: string, base: Catalog, head: Catalog, label: string): Promise<DiffResult> {
  const project = await detectProject(root);
  const targets = enabledTargets(head, TARGETS);
  const { input: headInput } = await gatherInput(root, head, targets, project);
  const baseTargets = enabledTargets(base, TARGETS);
  // The same versions on both sides: a version is not a change of the catalog.
  const baseFiles = generateAll(baseTargets, { ...headInput, catalog: base });
  const headFiles = generateAll(targets, headInput);
  const changes = compareCatalogs(base, head);
  return { base: label, changes, packages: packageBumps(head, changes, baseFiles, headFiles) };
}

function emptyLike(catalog: Catalog): Catalog {
  return { settings: catalog.settings, services: [] };
}
