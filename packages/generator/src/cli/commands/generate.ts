import path from 'node:path';
import { changedSinceRead, readSpecDir, type FileStamp } from '../../load/read-spec-dir.js';
import type { Catalog, TargetName } from '../../model/catalog.js';
import { coveredByWorkspace, detectProject, readJson, type Project } from '../../project/detect-project.js';
import { foreignFolders } from '../../project/ownership.js';
import { readTemplates } from '../../project/templates.js';
import { packageDir, type GeneratedFile, type Target, type TargetInput } from '../../targets/target.js';
import { INITIAL_VERSION } from '../../targets/shared/package-manifest.js';
import { compareText } from '../../util/sort.js';
import {
  inputsFingerprint,
  outputRecord,
  readRecord,
  recordedDiagnostics,
  recordStamp,
  diagnosticsToRecord,
  specFingerprint,
  unchangedOutputs,
  writeRecord,
  type EnabledPackage,
  type OutputRecord,
  type ProjectInput,
} from '../../writer/fingerprint.js';
import { applyPlan, readOwnedFiles } from '../../writer/output-files.js';
import { outputLockHeld, withOutputLock } from '../../writer/output-lock.js';
import { isClean, planOutput } from '../../writer/plan-output.js';
import { displayPath, EXIT, type CliIo } from '../io.js';
import { plural, reportDiagnostics } from '../report.js';
import { NO_TIMINGS, Timings, type PhaseTimer } from '../timings.js';

export interface GenerateOptions {
  /** The project root: package folders, `templates/` and the root package.json are read relative to it. */
  root: string;
  /** The spec folder, relative to the root; `spec` by default. */
  spec?: string;
  check: boolean;
  /** Take over package folders errcat did not write. */
  force?: boolean;
  /** Print nothing when nothing changed (watch mode). */
  quiet?: boolean;
  /** Which targets may run (those enabled in settings); all known targets by default. */
  available?: Readonly<Partial<Record<TargetName, Target>>>;
  /** Print the time of each phase (load, validate, normalize, each target, plan, write) to stderr. */
  timings?: boolean;
}

const NOTHING_WRITTEN = 'nothing was generated; the previous output is untouched\n';

/** `errcat generate [--check]`: every enabled target, written atomically or compared. */
export async function generateCommand(io: CliIo, options: GenerateOptions): Promise<number> {
  const timings = options.timings ? new Timings() : undefined;
  try {
    return await generate(io, options, timings ?? NO_TIMINGS);
  } finally {
    timings?.report(io);
  }
}

async function generate(io: CliIo, options: GenerateOptions, timer: PhaseTimer): Promise<number> {
  const root = path.resolve(io.cwd, options.root);
  const specDir = path.resolve(root, options.spec ?? 'spec');
  const display = (absolute: string) => displayPath(io, absolute);
  const read = await readSpecDir(specDir, display);
  timer.lap('read spec');
  // Only errcat's own targets are fingerprinted: they are pure functions of the input.
  const builtIn = options.available === undefined;
  const specPrint = builtIn && read.diagnostics.length === 0 ? specFingerprint(display(specDir), read.texts) : undefined;
  if (specPrint !== undefined) {
    const unchanged = await unchangedSinceRecord(root, specPrint, read.stamps);
    timer.lap('fingerprint');
    if (unchanged) {
      if (!options.quiet) reportDiagnostics(io, recordedDiagnostics(display(specDir), unchanged.record));
      return reportUnchanged(io, options, unchanged.count, unchanged.record.packages, unchanged.project);
    }
  }
  // Imported here, past the no-op: it brings the YAML parser and the spec validator.
  const { loadCatalogFromTexts } = await import('../../load/load-catalog.js');
  const { catalog, diagnostics } = loadCatalogFromTexts(read.texts, read.diagnostics, display(specDir), timer);
  // Quiet runs say nothing of warnings unless they write: a watcher repeats no unchanged warning.
  if (!options.quiet || !catalog) reportDiagnostics(io, diagnostics);
  if (!catalog) {
    io.err(NOTHING_WRITTEN);
    return EXIT.userError;
  }
  // The built-in targets are imported only when they run: a generation with
  // nothing to do is decided without them. (They print TypeScript with
  // errcat's own printer over code-block-writer, never loading ts-morph or
  // the TypeScript compiler; test/no-typescript-at-run-time.test.ts holds it.)
  const names = builtIn ? [...catalog.settings.targets] : enabledTargets(catalog, options.available!).map((target) => target.name);
  const packages = enabledPackages(catalog, names);
  const ownedDirs = packages.map((entry) => entry.dir);
  const foreign = options.force ? [] : await foreignFolders(root, ownedDirs);
  if (foreign.length > 0) {
    for (const dir of foreign) io.err(refusal(catalog, names, dir));
    io.err(NOTHING_WRITTEN);
    return EXIT.userError;
  }
  const project = await detectProject(root);
  const { input: projectInput, unusedTemplates } = await gatherProjectInput(root, packages, project);
  const input: TargetInput = { catalog, ...projectInput };
  const loadTargets = async () => (builtIn ? (await import('../../targets/load-targets.js')).loadTargets(names) : enabledTargets(catalog, options.available!));
  if (unusedTemplates.length > 0) {
    const templateNames = (await loadTargets()).flatMap((target) => target.templates).join(', ');
    for (const file of unusedTemplates) io.err(`warning: ${displayPath(io, file)} overrides none of errcat's templates (${templateNames}); rename it to the one it should replace\n`);
  }
  timer.lap('gather input');
  const targets = await loadTargets();
  timer.lap('import targets');
  let files: GeneratedFile[];
  try {
    files = generateAll(targets, input, timer);
  } catch (error) {
    const { TemplateError } = await import('../../targets/shared/render-template.js');
    if (!(error instanceof TemplateError)) throw error;
    io.err(`${error.message}\n${NOTHING_WRITTEN}`);
    return EXIT.userError;
  }
  const plan = await withOutputLock(root, async () => {
    const { files: existing, staging } = await readOwnedFiles(root, ownedDirs);
    const planned = planOutput(files, existing);
    timer.lap('plan');
    // A spec file saved while it was read may have been read half-written: write nothing from it.
    const changed = await changedSinceRead(read.stamps);
    if (changed.length > 0) return { changed };
    if (!options.check) {
      await applyPlan(root, planned, ownedDirs, staging);
      timer.lap('write');
    }
    // The disk now holds exactly these files (written, or found equal by --check).
    if (specPrint !== undefined && (!options.check || isClean(planned))) {
      const inputs = inputsFingerprint(specPrint, packages, projectInput);
      await writeRecord(root, outputRecord({ spec: specPrint, packages, diagnostics: diagnosticsToRecord(displayPath(io, specDir), diagnostics), inputs }, files));
      timer.lap('record');
    }
    return planned;
  });
  if ('changed' in plan) {
    io.err(`${plan.changed.map((file) => displayPath(io, file)).join(', ')} changed while errcat was generating from it (still being saved?): nothing was generated, the previous output is untouched; run errcat generate again\n`);
    return EXIT.userError;
  }
  if (options.check) return reportDrift(io, plan, options);
  if (options.quiet && isClean(plan)) return EXIT.ok;
  if (options.quiet) reportDiagnostics(io, diagnostics);
  io.out(
    `generated ${plural(files.length, 'file')} for ${targets.map((target) => target.name).join(', ') || 'no targets'}: ` +
      `${plan.create.length} created, ${plan.update.length} updated, ${plan.orphaned.length} removed, ${plan.unchanged.length} unchanged\n`,
  );
  warnOutsideWorkspace(io, project, ownedDirs);
  if (project.siblingProtocol === 'file' && plan.create.some((file) => file.path.endsWith('/package.json'))) hintNoWorkspace(io, project, catalog, targets);
  return EXIT.ok;
}

/** A project that is no workspace installs new packages only when told to: say how, once, when they first appear. */
function hintNoWorkspace(io: CliIo, project: Project, catalog: Catalog, targets: readonly Target[]): void {
  const dirs = targets.map((target) => `./${packageDir(catalog, target.name)}`);
  const add = project.packageManager === 'npm' ? 'npm install' : `${project.packageManager} add`;
  const built = targets.filter((target) => ['codes', 'json-schema'].includes(target.name)).map((target) => packageDir(catalog, target.name));
  io.out(`this project is no workspace: add the packages to your dependencies with \`${add} ${dirs.join(' ')}\`` + (built.length > 0 ? `, and build ${built.join(' and ')} before the packages that import ${built.length === 1 ? 'it' : 'them'} (\`npm run build --prefix <folder>\`)\n` : '\n'));
}

/** What a generation with nothing to do prints: the same as one that compared every file and found them equal. */
function reportUnchanged(io: CliIo, options: GenerateOptions, count: number, packages: readonly EnabledPackage[], project: Project): number {
  if (options.check) {
    io.out(`generated files are up to date (${plural(count, 'file')})\n`);
    return EXIT.ok;
  }
  if (options.quiet) return EXIT.ok;
  io.out(`generated ${plural(count, 'file')} for ${packages.map((entry) => entry.target).join(', ') || 'no targets'}: 0 created, 0 updated, 0 removed, ${count} unchanged\n`);
  warnOutsideWorkspace(io, project, packages.map((entry) => entry.dir));
  return EXIT.ok;
}

/**
 * A generation from the same spec text, errcat and project input as the
 * record's, whose files are all still exactly as written: nothing to do,
 * decided without parsing the spec or running the targets.
 */
async function unchangedSinceRecord(root: string, specPrint: string, stamps: readonly FileStamp[]): Promise<{ record: OutputRecord; project: Project; count: number } | undefined> {
  const record = readRecord(root);
  if (record?.spec !== specPrint) return undefined;
  const project = await detectProject(root);
  const { input, unusedTemplates } = await gatherProjectInput(root, record.packages, project);
  // The full path warns of them.
  if (unusedTemplates.length > 0 || inputsFingerprint(specPrint, record.packages, input) !== record.inputs) return undefined;
  // No lock taken (see unchangedOutputs), but none held by another run
  // either, before or after, and the record the same after: a run that
  // wrote while the files were read takes the full path, which waits for it.
  const written = recordStamp(root);
  if (outputLockHeld(root)) return undefined;
  const count = await unchangedOutputs(root, record);
  if (count === undefined || outputLockHeld(root) || recordStamp(root) !== written) return undefined;
  // A spec file saved while it was read: the full path says so.
  if ((await changedSinceRead(stamps)).length > 0) return undefined;
  return { record, project, count };
}

/** The packages of `targets`, in their order, as the catalog lays them out. */
function enabledPackages(catalog: Catalog, targets: readonly TargetName[]): EnabledPackage[] {
  return targets.map((target) => ({ target, ...catalog.settings.packages[target] }));
}

function refusal(catalog: Catalog, names: readonly TargetName[], dir: string): string {
  const target = names.find((name) => packageDir(catalog, name) === dir) ?? 'codes';
  return (
    `errcat: ${dir} already holds files errcat did not write (its package.json has no "errcat": {"generated": true}); ` +
    `errcat writes only into folders it owns. Move the ${target} package with settings.packages.${target}.dir or settings.output, ` +
    `or pass --force to take the folder over (files in it that errcat does not generate are deleted)\n`
  );
}

/** The targets the settings enable, in settings order, among those available. */
export function enabledTargets(catalog: Catalog, available: Readonly<Partial<Record<TargetName, Target>>>): Target[] {
  return catalog.settings.targets.flatMap((name) => {
    const target = available[name];
    return target ? [target] : [];
  });
}

/** Runs every target in memory; nothing touches the disk until all have succeeded. */
export function generateAll(targets: readonly Target[], input: TargetInput, timer: PhaseTimer = NO_TIMINGS): GeneratedFile[] {
  const files = targets.flatMap((target) => {
    const generated = target.generate(input);
    timer.lap(`target ${target.name}`);
    return generated;
  });
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path)) throw new Error(`two targets produced ${file.path}`);
    seen.add(file.path);
  }
  return files.sort((a, b) => compareText(a.path, b.path));
}

/** What the targets read besides the catalog, and the project's template files that override nothing (to warn of). */
export async function gatherInput(root: string, catalog: Catalog, targets: readonly Pick<Target, 'name'>[], project: Project): Promise<{ input: TargetInput; unusedTemplates: string[] }> {
  const { input, unusedTemplates } = await gatherProjectInput(root, enabledPackages(catalog, targets.map((target) => target.name)), project);
  return { input: { catalog, ...input }, unusedTemplates };
}

async function gatherProjectInput(root: string, packages: readonly EnabledPackage[], project: Project): Promise<{ input: ProjectInput; unusedTemplates: string[] }> {
  const templateDir = path.join(root, 'templates');
  const [templates, manifests] = await Promise.all([readTemplates(templateDir), Promise.all(packages.map((entry) => readJson(path.join(root, entry.dir, 'package.json'))))]);
  const input: ProjectInput = {
    templates: templates.sources,
    versions: versionsOf(packages, manifests),
    runtimeVersion: project.runtimeInWorkspace ? 'workspace:^' : `^${project.runtimeVersion}`,
    project: {
      siblingProtocol: project.siblingProtocol,
      turbo: project.turbo,
      ...(project.turbo && project.errcatInWorkspace ? { generateTask: 'errcat#generate' } : {}),
      ...(project.licenseText !== undefined ? { licenseText: project.licenseText } : {}),
    },
  };
  return { input, unusedTemplates: templates.unused.map((name) => path.join(templateDir, name)) };
}

/**
 * Each enabled package's version by package name: what its manifest says
 * (kept across generations; changesets bump it), else the initial one. Every
 * name is given, so the versions a generation writes are the very versions
 * the next one reads back: a first generation is followed by a no-op one.
 */
function versionsOf(packages: readonly EnabledPackage[], manifests: ReadonlyArray<Record<string, unknown> | undefined>): Record<string, string> {
  const versions: Record<string, string> = {};
  packages.forEach(({ name }, index) => {
    const manifest = manifests[index];
    versions[name] = manifest?.name === name && typeof manifest.version === 'string' ? manifest.version : INITIAL_VERSION;
  });
  return versions;
}

/** Generated packages outside the workspace's globs are not installed by the package manager: say so once. */
function warnOutsideWorkspace(io: CliIo, project: Project, dirs: readonly string[]): void {
  if (project.workspaces.length === 0) return;
  const outside = dirs.filter((dir) => !coveredByWorkspace(project.workspaces, dir));
  if (outside.length === 0) return;
  const file = project.packageManager === 'pnpm' ? 'pnpm-workspace.yaml `packages`' : 'package.json `workspaces`';
  io.err(`warning: ${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} not in the workspace; add ${outside.length === 1 ? 'it' : 'them'} to ${file} so they install and build with the rest\n`);
}

function reportDrift(io: CliIo, plan: ReturnType<typeof planOutput>, options: GenerateOptions): number {
  if (isClean(plan)) {
    io.out(`generated files are up to date (${plural(plan.unchanged.length, 'file')})\n`);
    return EXIT.ok;
  }
  for (const file of plan.create) io.err(`missing   ${file.path}\n`);
  for (const file of plan.update) io.err(`differs   ${file.path}\n`);
  for (const file of plan.orphaned) io.err(`orphaned  ${file}\n`);
  const flags = [options.root !== '.' ? `--root ${options.root}` : '', options.spec && options.spec !== 'spec' ? `--spec ${options.spec}` : ''].filter(Boolean);
  io.err(`generated files are out of date with ${options.spec ?? 'spec'}/; run \`${['errcat generate', ...flags].join(' ')}\` and commit the result\n`);
  return EXIT.userError;
}
