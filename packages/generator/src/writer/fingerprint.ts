// A record of the last generation, so that a `generate` or `generate --check`
// with nothing to do can say so without running the targets or comparing
// every file's text: the inputs' fingerprint, and each output file's size and
// hash as written. It decides only "nothing changed"; anything else (a new
// input, a file added, removed or edited by hand, no record) takes the full
// path, which compares every file.

import { createHash } from 'node:crypto';
import { readdir, readFile, rename, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedFile } from '../targets/target.js';
import { compareText } from '../util/sort.js';
import { digestOfFile, digestOfGenerated, sameDigest, type FileDigest } from './file-digest.js';
import { listOwnedFiles } from './output-files.js';

const FORMAT = 1;

export interface OutputRecord {
  readonly format: typeof FORMAT;
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
 * What the outputs are a function of. Targets are pure functions of their
 * input (they do no I/O: the CLI gathers everything first), so the input as
 * JSON, the enabled targets and their folders, and errcat's own build (its
 * version, and the size and time of every file of the code that runs and of its templates, so
 * that a rebuilt or edited errcat never trusts a record of another) are all of it.
 */
function inputsFingerprint(input: unknown, targets: readonly string[], dirs: readonly string[], build: string): string {
  const hash = createHash('sha1');
  hash.update(JSON.stringify({ format: FORMAT, targets, dirs }));
  hash.update(build);
  hash.update(JSON.stringify(input));
  return hash.digest('hex');
}

/** The inputs' fingerprint, and the number of files when the owned folders hold exactly what the record says a generation from these inputs wrote. */
export interface RecordCheck {
  readonly inputs: string;
  readonly unchanged: number | undefined;
}

/**
 * Fingerprints the inputs and, when the record is of the same inputs, tells
 * whether the owned folders hold exactly the files it lists, byte for byte:
 * the same paths (none added, none missing, no staging leftovers), and each
 * file's size and hash as recorded. Every file is read and hashed, so an
 * edit that keeps a file's size and time is still seen.
 */
export async function checkRecord(root: string, dirs: readonly string[], input: unknown, targets: readonly string[]): Promise<RecordCheck> {
  const [record, build] = await Promise.all([readRecord(root), errcatBuild()]);
  const inputs = inputsFingerprint(input, targets, dirs, build);
  if (record === undefined || record.inputs !== inputs) return { inputs, unchanged: undefined };
  const paths = await listOwnedFiles(root, dirs);
  const recorded = record.files;
  if (paths.length !== Object.keys(recorded).length || !paths.every((file) => Object.hasOwn(recorded, file))) return { inputs, unchanged: undefined };
  // One at a time, stopping at the first that differs: a cold run reading them all at once was slower, and held them all.
  for (const file of paths) {
    if (!sameDigest(await digestOfFile(path.join(root, file)), recorded[file]!)) return { inputs, unchanged: undefined };
  }
  return { inputs, unchanged: paths.length };
}

let build: Promise<string> | undefined;

function errcatBuild(): Promise<string> {
  build ??= (async () => {
    const code = codeDir(fileURLToPath(new URL('.', import.meta.url)));
    const templates = fileURLToPath(new URL('../../templates', import.meta.url));
    const manifest = await readFile(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8').catch(() => '');
    const entries: string[] = [createHash('sha1').update(manifest).digest('hex')];
    for (const dir of [code, templates]) {
      const files = await walk(dir);
      const stats = await Promise.all(files.map((file) => stat(file)));
      files.forEach((file, index) => entries.push(`${path.relative(dir, file)} ${stats[index]!.size} ${stats[index]!.mtimeMs}`));
    }
    return entries.join('\n');
  })();
  return build;
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

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}

/** The record of a generation whose files are now exactly `files` on disk. */
export function outputRecord(inputs: string, files: readonly GeneratedFile[]): OutputRecord {
  const record: Record<string, FileDigest> = {};
  for (const file of files) record[file.path] = digestOfGenerated(file);
  return { format: FORMAT, inputs, files: record };
}

async function readRecord(root: string): Promise<OutputRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(recordPath(root), 'utf8')) as OutputRecord;
    return record.format === FORMAT && typeof record.inputs === 'string' && record.files && typeof record.files === 'object' ? record : undefined;
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
