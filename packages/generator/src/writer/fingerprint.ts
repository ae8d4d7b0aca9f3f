// A record of the last generation, so that a `generate` or `generate --check`
// with nothing to do can say so without parsing the spec or running the
// targets: the spec text's fingerprint and what the catalog built from it
// enabled, the inputs' fingerprint, the warnings it reported, and each output
// file's size and hash as written. It decides only "nothing changed";
// anything else (a spec or project input edited, a file added, removed or
// edited by hand, no record) takes the full path, which compares every file.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { rename, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SpecText } from '../load/read-spec-dir.js';
import type { PackageLayout, TargetName } from '../model/catalog.js';
import type { GeneratedFile, TargetInput } from '../targets/target.js';
import { compareText } from '../util/sort.js';
import { digestOfBytes, digestOfGenerated, sameDigest, type FileDigest } from './file-digest.js';
import { filesUnder, listOwnedFiles } from './output-files.js';

const FORMAT = 2;

/** A package the spec enables: what the record keeps of the catalog, all a generation with nothing to do needs of it. */
export interface EnabledPackage extends PackageLayout {
  readonly target: TargetName;
}

/** What the targets read besides the catalog: the project's templates, versions and facts. */
export type ProjectInput = Omit<TargetInput, 'catalog'>;

export interface OutputRecord {
  readonly format: typeof FORMAT;
  /** `specFingerprint` of the spec the generation read. */
  readonly spec: string;
  /** The packages that spec enables, in settings order. */
  readonly packages: readonly EnabledPackage[];
  /** The warnings the generation reported (a spec with errors writes nothing), each file within the spec folder; printed again by a run with nothing to do. */
  readonly diagnostics: readonly Diagnostic[];
  /** `inputsFingerprint` of the generation that wrote (or checked) these files. */
  readonly inputs: string;
  /** Every file in the owned folders, project-relative path → size in bytes and SHA-1 of the bytes. */
  readonly files: Readonly<Record<string, FileDigest>>;
}

/** Where the record lives: the project's own tool cache, never committed. */
export function recordPath(root: string): string {
  return path.join(root, 'node_modules', '.cache', 'errcat', 'generate.json');
}

/**
 * What the catalog, and every diagnostic, is a function of: the spec files'
 * names within the spec folder and their texts, and errcat's own build (see
 * `errcatBuild`). The text, not the catalog built from it: a spec that did
 * not change is not parsed again (a comment edited takes the full path,
 * which finds every file unchanged). Names within the folder, not as shown:
 * a run from another folder (`--root`) is the same generation, and the
 * recorded warnings are shown from wherever it runs (`recordedDiagnostics`).
 * NUL separates the parts: no name or text holds one.
 */
export function specFingerprint(shownDir: string, texts: readonly SpecText[]): string {
  const hash = createHash('sha1');
  hash.update(JSON.stringify({ format: FORMAT }));
  hash.update(errcatBuild());
  for (const { file, text } of texts) hash.update(`\0${specRelative(shownDir, file)}\0`).update(text);
  return hash.digest('hex');
}

/** A shown path (relative to the working folder) as a path within the spec folder, and back. */
function specRelative(shownDir: string, file: string): string {
  return path.relative(shownDir, file).split(path.sep).join('/');
}

/** Diagnostics as the record keeps them: each file within the spec folder. */
export function diagnosticsToRecord(shownDir: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((entry) => ({ ...entry, file: specRelative(shownDir, entry.file) }));
}

/**
 * The recorded diagnostics, each file shown from where this run stands.
 * (Their messages name no file: errcat's warnings say what, not where.)
 */
export function recordedDiagnostics(shownDir: string, record: OutputRecord): Diagnostic[] {
  return record.diagnostics.map((entry) => ({ ...entry, file: path.join(shownDir, entry.file) }));
}

/**
 * What the outputs are a function of. Targets are pure functions of their
 * input (they do no I/O: the CLI gathers everything first), so the spec, the
 * packages it enables and the rest of the input as JSON are all of it.
 */
export function inputsFingerprint(spec: string, packages: readonly EnabledPackage[], input: ProjectInput): string {
  return createHash('sha1').update(JSON.stringify({ format: FORMAT, spec, packages, input })).digest('hex');
}

/**
 * The number of files, when the owned folders hold exactly what the record
 * says its generation wrote, byte for byte: the same paths (none added, none
 * missing, no staging leftovers), and each file's size and hash as recorded.
 * Every file is read and hashed, so an edit that keeps a file's size and
 * time is still seen.
 *
 * It takes no lock: its caller makes sure no run held one while it read.
 * (Another run replaces a file only whole, by renaming a finished one into
 * place, or removes it.) A file gone between listing and reading is a
 * change: undefined.
 */
export async function unchangedOutputs(root: string, record: OutputRecord): Promise<number | undefined> {
  try {
    const paths = listOwnedFiles(root, record.packages.map((entry) => entry.dir));
    const recorded = record.files;
    if (paths.length !== Object.keys(recorded).length || !paths.every((file) => Object.hasOwn(recorded, file))) return undefined;
    // One at a time, stopping at the first that differs: reading them all at once was slower, and held them all.
    for (const file of paths) {
      if (!sameDigest(digestOfBytes(readFileSync(path.join(root, file))), recorded[file]!)) return undefined;
    }
    return paths.length;
  } catch {
    return undefined;
  }
}

let build: string | undefined;

/**
 * errcat's own build: its version, the size and time of every file of the
 * code that runs, of its templates and of the @errcat/runtime it runs with,
 * and each of its dependencies' package.json as installed (the YAML parser
 * reads the spec, the writers and templates shape the output): a rebuilt, edited or upgraded errcat never trusts a record of
 * another. Read with synchronous calls, as the outputs are: a hundred small
 * reads one after another, which through libuv's threads would each wait a
 * round trip, were most of a no-op's time.
 */
function errcatBuild(): string {
  build ??= (() => {
    const code = codeDir(fileURLToPath(new URL('.', import.meta.url)));
    const packageDir = fileURLToPath(new URL('../..', import.meta.url));
    const templates = path.join(packageDir, 'templates');
    const manifest = readTextOrEmpty(path.join(packageDir, 'package.json'));
    const entries: string[] = [createHash('sha1').update(manifest).digest('hex')];
    for (const dir of [code, templates, runtimeDir(packageDir)]) {
      for (const file of filesIn(dir)) {
        const info = statSync(path.join(dir, file));
        entries.push(`${file} ${info.size} ${info.mtimeMs}`);
      }
    }
    for (const dependency of dependenciesOf(manifest)) entries.push(`${dependency} ${installedManifest(packageDir, dependency)}`);
    return entries.join('\n');
  })();
  return build;
}

/**
 * A dependency's package.json as Node finds it from errcat's folder
 * (`node_modules` there, then in each folder above), with its size, time and
 * inode: an upgrade rewrites it, or links another.
 */
function installedManifest(from: string, dependency: string): string {
  const manifest = installedManifestPath(from, dependency);
  if (manifest === undefined) return 'not found';
  const info = statSync(manifest);
  return `${manifest} ${info.size} ${info.mtimeMs} ${info.ino}`;
}

/** Looked up, not resolved: resolving a package's entry costs a dozen reads. */
function installedManifestPath(from: string, dependency: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'node_modules', dependency, 'package.json');
    if (existsSync(manifest)) return manifest;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function dependenciesOf(manifest: string): string[] {
  try {
    return Object.keys((JSON.parse(manifest) as { dependencies?: Record<string, string> }).dependencies ?? {}).sort(compareText);
  } catch {
    return [];
  }
}

function filesIn(dir: string): string[] {
  try {
    return dir === '' ? [] : filesUnder(dir);
  } catch {
    return [];
  }
}

function readTextOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * The folder of the code that runs. The CLI runs from its bundle
 * (scripts/bundle-cli.mjs), whose modules all sit in `dist/bin/`, this one
 * among them, loading nothing else of `dist/`: that folder is all of it (the
 * rest of `dist/`, tsc's output with its declarations, is the library entry).
 * From tsc's output or the sources, this module's folder's parent is
 * errcat's `dist/` or `src/`: all of that.
 */
function codeDir(moduleDir: string): string {
  const bundled = path.basename(moduleDir) === 'bin' && path.basename(path.dirname(moduleDir)) === 'dist';
  return bundled ? moduleDir : path.dirname(moduleDir);
}

/**
 * The folder of the @errcat/runtime errcat runs with: the docs target's
 * bodies are made by it, so a rebuilt runtime of the same version (a
 * workspace's own) is another build too.
 */
function runtimeDir(from: string): string {
  const manifest = installedManifestPath(from, '@errcat/runtime');
  return manifest === undefined ? '' : path.join(path.dirname(manifest), 'dist');
}

/** The record of a generation whose files are now exactly `files` on disk. */
export function outputRecord(generation: Omit<OutputRecord, 'format' | 'files'>, files: readonly GeneratedFile[]): OutputRecord {
  const record: Record<string, FileDigest> = {};
  for (const file of files) record[file.path] = digestOfGenerated(file);
  return { format: FORMAT, ...generation, files: record };
}

/** The record's size and time as a text to compare, or undefined when there is none. */
export function recordStamp(root: string): string | undefined {
  try {
    const info = statSync(recordPath(root));
    return `${info.size} ${info.mtimeMs} ${info.ino}`;
  } catch {
    return undefined;
  }
}

export function readRecord(root: string): OutputRecord | undefined {
  try {
    const record: unknown = JSON.parse(readFileSync(recordPath(root), 'utf8'));
    return isRecord(record) ? record : undefined;
  } catch {
    return undefined;
  }
}

/** A record as errcat writes one, down to each package and diagnostic: anything else (an old format, a hand edit) is no record. */
function isRecord(value: unknown): value is OutputRecord {
  const record = value as Partial<OutputRecord> | null;
  const strings = (item: unknown, keys: readonly string[]) => typeof item === 'object' && item !== null && keys.every((key) => typeof (item as Record<string, unknown>)[key] === 'string');
  return (
    typeof record === 'object' &&
    record !== null &&
    record.format === FORMAT &&
    typeof record.spec === 'string' &&
    typeof record.inputs === 'string' &&
    Array.isArray(record.packages) &&
    record.packages.every((entry) => strings(entry, ['target', 'name', 'dir'])) &&
    Array.isArray(record.diagnostics) &&
    record.diagnostics.every((entry) => strings(entry, ['id', 'code', 'severity', 'message', 'file']) && typeof entry.line === 'number' && typeof entry.column === 'number') &&
    typeof record.files === 'object' &&
    record.files !== null &&
    Object.values(record.files).every((digest) => typeof digest === 'object' && digest !== null && typeof digest.size === 'number' && typeof digest.hash === 'string')
  );
}

/** Writes the record beside a temporary name first, so a reader never sees half of one. Best effort: a read-only cache only costs speed. */
export async function writeRecord(root: string, record: OutputRecord): Promise<void> {
  const file = recordPath(root);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temporary, JSON.stringify(record));
    await rename(temporary, file);
  } catch {
    // no cache: every run takes the full path
  }
}
