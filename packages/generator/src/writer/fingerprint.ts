// A record of the last generation, so that a `generate` or `generate --check`
// with nothing to do can say so without parsing the spec or running the
// targets: the spec text's fingerprint and what the catalog built from it
// enabled, the inputs' fingerprint, the warnings it reported, and each output
// file's size and hash as written. It decides only "nothing changed";
// anything else (a spec or project input edited, a file added, removed or
// edited by hand, no record) takes the full path, which compares every file.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { rename, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SpecText } from '../load/read-spec-dir.js';
import type { PackageLayout, TargetName } from '../model/catalog.js';
import type { GeneratedFile, TargetInput } from '../targets/target.js';
import { compareText } from '../util/sort.js';
import { digestOfBytes, digestOfGenerated, sameDigest, type FileDigest } from './file-digest.js';
import { listOwnedFiles } from './output-files.js';

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
  /** The warnings the generation reported (a spec with errors writes nothing), printed again by a run with nothing to do. */
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
 * names as shown and their texts, and errcat's own build (its version, and
 * the size and time of every file of the code that runs, of its templates
 * and of the @errcat/runtime it runs with, so that a rebuilt or edited
 * errcat never trusts a record of another). The text, not the catalog built from it: a spec that did not
 * change is not parsed again (a comment edited takes the full path, which
 * writes nothing). NUL separates the parts: no name or text holds one.
 */
export function specFingerprint(shownDir: string, texts: readonly SpecText[]): string {
  const hash = createHash('sha1');
  hash.update(JSON.stringify({ format: FORMAT, dir: shownDir }));
  hash.update(errcatBuild());
  for (const { file, text } of texts) hash.update(`\0${file}\0`).update(text);
  return hash.digest('hex');
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
 * It takes no lock. Another run replaces a file only whole (by renaming a
 * finished one into place) or removes it, so each file read is one a
 * generation wrote; all of them the record's, byte for byte, is the
 * record's generation, however the reads fell around another run's writes.
 * A file gone between listing and reading is a change: undefined.
 */
export async function unchangedOutputs(root: string, record: OutputRecord): Promise<number | undefined> {
  try {
    const paths = await listOwnedFiles(root, record.packages.map((entry) => entry.dir));
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
 * Read with synchronous calls, here and in `unchangedOutputs`: a hundred
 * small reads one after another, which through libuv's threads would each
 * wait a round trip, were most of a no-op's time.
 */
function errcatBuild(): string {
  build ??= (() => {
    const code = codeDir(fileURLToPath(new URL('.', import.meta.url)));
    const templates = fileURLToPath(new URL('../../templates', import.meta.url));
    const manifest = readTextOrEmpty(fileURLToPath(new URL('../../package.json', import.meta.url)));
    const entries: string[] = [createHash('sha1').update(manifest).digest('hex')];
    for (const dir of [code, templates, runtimeDir()]) {
      for (const file of walk(dir)) {
        const info = statSync(file);
        entries.push(`${path.relative(dir, file)} ${info.size} ${info.mtimeMs}`);
      }
    }
    return entries.join('\n');
  })();
  return build;
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
function runtimeDir(): string {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('@errcat/runtime'));
  } catch {
    return '';
  }
}

function walk(dir: string): string[] {
  if (dir === '') return [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(full));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

/** The record of a generation whose files are now exactly `files` on disk. */
export function outputRecord(generation: Omit<OutputRecord, 'format' | 'files'>, files: readonly GeneratedFile[]): OutputRecord {
  const record: Record<string, FileDigest> = {};
  for (const file of files) record[file.path] = digestOfGenerated(file);
  return { format: FORMAT, ...generation, files: record };
}

export async function readRecord(root: string): Promise<OutputRecord | undefined> {
  try {
    const record = JSON.parse(readFileSync(recordPath(root), 'utf8')) as OutputRecord;
    const wellFormed = record.format === FORMAT && typeof record.spec === 'string' && typeof record.inputs === 'string' && Array.isArray(record.packages) && Array.isArray(record.diagnostics);
    return wellFormed && record.files && typeof record.files === 'object' ? record : undefined;
  } catch {
    return undefined;
  }
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
