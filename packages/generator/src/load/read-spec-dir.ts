import type { Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compareText } from '../util/sort.js';

/** The largest spec file errcat reads; a catalog of 10,000 codes in four locales is about 6 MB. */
export const MAX_SPEC_FILE_BYTES = 16 * 1024 * 1024;

export interface SpecText {
  /** Path as shown to the user (relative to the working directory). */
  file: string;
  text: string;
}

/** A spec file as it was when read: if it differs later, it was being saved while errcat read it. */
export interface FileStamp {
  readonly path: string;
  readonly mtimeMs: number;
  readonly size: number;
}

export interface ReadResult {
  texts: SpecText[];
  diagnostics: Diagnostic[];
  stamps: FileStamp[];
}

const SPEC_FILE = /\.ya?ml$/i;

/** A catalog file's name: `*.yaml` or `*.yml`, never a dotfile (Emacs lock links `.#batch.yaml`, backups). */
export function isSpecFileName(name: string): boolean {
  return SPEC_FILE.test(name) && !name.startsWith('.');
}

/** Reads every `*.yaml` in the spec folder, in name order; never throws for user mistakes. */
export async function readSpecDir(dir: string, display: (absolute: string) => string): Promise<ReadResult> {
  const shown = display(dir);
  const at = { file: shown, line: 0, column: 0 };
  let names: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) return readSpecFile(dir, display);
    names = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => isSpecFileName(entry.name) && !entry.isDirectory())
      .map((entry) => entry.name)
      .sort(compareText);
  } catch (error) {
    if (isMissing(error)) return { texts: [], diagnostics: [diagnostic('specDirMissing', at, { dir: shown })], stamps: [] };
    throw error;
  }
  if (names.length === 0) return { texts: [], diagnostics: [diagnostic('noSpecFiles', at, { dir: shown })], stamps: [] };
  const results = await Promise.all(names.map((name) => readSpecFile(path.join(dir, name), display)));
  return {
    texts: results.flatMap((result) => result.texts),
    diagnostics: results.flatMap((result) => result.diagnostics),
    stamps: results.flatMap((result) => result.stamps),
  };
}

/** Spec files that changed since they were read (an editor still saving): generating from them would use a half-written file. */
export async function changedSinceRead(stamps: readonly FileStamp[]): Promise<string[]> {
  const now = await Promise.all(stamps.map((stamp) => stat(stamp.path).catch(() => undefined)));
  return stamps.filter((stamp, index) => {
    const info = now[index];
    return !info || info.mtimeMs !== stamp.mtimeMs || info.size !== stamp.size;
  }).map((stamp) => stamp.path);
}

/** Reads until the file holds still: an editor writing in place can be caught between truncating and writing. */
async function readSettled(file: string, first: Stats): Promise<{ bytes: Buffer; stamp: FileStamp }> {
  for (let attempt = 0; ; attempt += 1) {
    // The caller's stat is the first attempt's "before"; later attempts take their own.
    const before = attempt === 0 ? first : await stat(file);
    const bytes = await readFile(file);
    const after = await stat(file);
    const stamp = { path: file, mtimeMs: after.mtimeMs, size: after.size };
    if ((before.mtimeMs === after.mtimeMs && bytes.length === after.size) || attempt === 4) return { bytes, stamp };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function readSpecFile(file: string, display: (absolute: string) => string): Promise<ReadResult> {
  const at = { file: display(file), line: 0, column: 0 };
  const none = { texts: [], stamps: [] };
  let bytes: Buffer;
  let stamp: FileStamp;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ...none, diagnostics: [diagnostic('unreadableFile', at, { reason: 'it is not a regular file' })] };
    if (info.size > MAX_SPEC_FILE_BYTES) {
      return { ...none, diagnostics: [diagnostic('fileTooLarge', at, { size: megabytes(info.size), limit: megabytes(MAX_SPEC_FILE_BYTES) })] };
    }
    ({ bytes, stamp } = await readSettled(file, info));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'it is a link to a file that does not exist' : code === 'EACCES' ? 'permission denied' : `the system says ${code ?? String(error)}`;
    return { ...none, diagnostics: [diagnostic('unreadableFile', at, { reason })] };
  }
  const text = decodeText(bytes);
  if (text === undefined) return { texts: [], stamps: [stamp], diagnostics: [diagnostic('binaryFile', at, {})] };
  return { texts: [{ file: at.file, text }], diagnostics: [], stamps: [stamp] };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** UTF-8 text, or undefined for anything binary (invalid UTF-8 or NUL bytes). */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}
