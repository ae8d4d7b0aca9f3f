import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadCatalog } from '../../load/load-catalog.js';
import type { Catalog, TargetName } from '../../model/catalog.js';
import { TARGETS } from '../../targets/registry.js';
import { TemplateError } from '../../targets/shared/render-template.js';
import type { GeneratedFile, Target, TargetInput } from '../../targets/target.js';
import { compareText } from '../../util/sort.js';
import { applyPlan, readOwnedFiles } from '../../writer/output-files.js';
import { isClean, planOutput } from '../../writer/plan-output.js';
import { displayPath, EXIT, type CliIo } from '../io.js';
import { plural, reportDiagnostics } from '../report.js';

export interface GenerateOptions {
  root: string;
  check: boolean;
  /** Which targets may run (those enabled in settings); all known targets by default. */
  available?: Readonly<Partial<Record<TargetName, Target>>>;
}

/** `errcat generate [--check]`: every enabled target, written atomically or compared. */
export async function generateCommand(io: CliIo, options: GenerateOptions): Promise<number> {
  const root = path.resolve(io.cwd, options.root);
  const { catalog, diagnostics } = await loadCatalog(path.join(root, 'spec'), (absolute) => displayPath(io, absolute));
  reportDiagnostics(io, diagnostics);
  if (!catalog) {
    io.err('nothing was generated; the previous output is untouched\n');
    return EXIT.userError;
  }
  const targets = enabledTargets(catalog, options.available ?? TARGETS);
  const input = await gatherInput(root, catalog, targets);
  const missing = targets.flatMap((target) => target.templates.filter((name) => input.templates[name] === undefined));
  if (missing.length > 0) {
    io.err(`templates/ lacks ${missing.join(', ')}; restore them (see README) or disable the targets that need them in settings.targets\n`);
    io.err('nothing was generated; the previous output is untouched\n');
    return EXIT.userError;
  }
  let files: GeneratedFile[];
  try {
    files = generateAll(targets, input);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    io.err(`${error.message}\nnothing was generated; the previous output is untouched\n`);
    return EXIT.userError;
  }
  const ownedDirs = targets.map((target) => target.packageDir);
  const existing = await readOwnedFiles(root, ownedDirs);
  const plan = planOutput(files, existing);
  if (options.check) return reportDrift(io, plan, options.root);
  await applyPlan(root, plan, ownedDirs);
  io.out(
    `generated ${plural(files.length, 'file')} for ${targets.map((target) => target.name).join(', ') || 'no targets'}: ` +
      `${plan.create.length} created, ${plan.update.length} updated, ${plan.orphaned.length} removed, ${plan.unchanged.length} unchanged\n`,
  );
  return EXIT.ok;
}

function enabledTargets(catalog: Catalog, available: Readonly<Partial<Record<TargetName, Target>>>): Target[] {
  return catalog.settings.targets.flatMap((name) => {
    const target = available[name];
    return target ? [target] : [];
  });
}

/** Runs every target in memory; nothing touches the disk until all have succeeded. */
export function generateAll(targets: readonly Target[], input: TargetInput): GeneratedFile[] {
  const files = targets.flatMap((target) => target.generate(input));
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new Error(`two targets produced ${file.path}`);
    seen.add(file.path);
  }
  return files.sort((a, b) => compareText(a.path, b.path));
}

async function gatherInput(root: string, catalog: Catalog, targets: readonly Target[]): Promise<TargetInput> {
  const templates: Record<string, string> = {};
  const templateDir = path.join(root, 'templates');
  const names = await readdir(templateDir).catch(() => [] as string[]);
  for (const name of names.filter((entry) => entry.endsWith('.hbs')).sort(compareText)) {
    templates[name] = await readFile(path.join(templateDir, name), 'utf8');
  }
  const versions: Record<string, string> = {};
  for (const target of targets) {
    const manifest = await readJson(path.join(root, target.packageDir, 'package.json'));
    if (typeof manifest?.name === 'string' && typeof manifest.version === 'string') versions[manifest.name] = manifest.version;
  }
  const runtimeManifest = await readJson(path.join(root, 'packages', 'runtime', 'package.json'));
  const runtimeVersion = runtimeManifest?.name === '@errcat/runtime' ? 'workspace:^' : `^${await ownRuntimeVersion()}`;
  return { catalog, templates, versions, runtimeVersion };
}

/** The version of `@errcat/runtime` this errcat was built with, as resolved by Node from errcat's own location. */
async function ownRuntimeVersion(): Promise<string> {
  const manifestPath = createRequire(import.meta.url).resolve('@errcat/runtime/package.json');
  const manifest = await readJson(manifestPath);
  if (typeof manifest?.version !== 'string') throw new Error(`${manifestPath} has no version`);
  return manifest.version;
}

async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function reportDrift(io: CliIo, plan: ReturnType<typeof planOutput>, root: string): number {
  if (isClean(plan)) {
    io.out(`generated files are up to date (${plural(plan.unchanged.length, 'file')})\n`);
    return EXIT.ok;
  }
  for (const file of plan.create) io.err(`missing   ${file.path}\n`);
  for (const file of plan.update) io.err(`differs   ${file.path}\n`);
  for (const file of plan.orphaned) io.err(`orphaned  ${file}\n`);
  const fix = root === '.' ? 'errcat generate' : `errcat generate --root ${root}`;
  io.err(`generated files are out of date with spec/; run \`${fix}\` (or \`pnpm generate\`) and commit the result\n`);
  return EXIT.userError;
}
