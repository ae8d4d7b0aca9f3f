import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { textParts } from '../targets/shared/text-parts.js';

/** A file's bytes as size and SHA-1: enough to tell two versions apart without holding either. */
export interface FileDigest {
  readonly size: number;
  readonly hash: string;
}

/** The digest of a file on disk. */
export async function digestOfFile(file: string): Promise<FileDigest> {
  return digestOfBytes(await readFile(file));
}

export function digestOfBytes(bytes: Uint8Array): FileDigest {
  return { size: bytes.length, hash: createHash('sha1').update(bytes).digest('hex') };
}

export function sameDigest(a: FileDigest, b: FileDigest): boolean {
  return a.size === b.size && a.hash === b.hash;
}

const generatedDigests = new WeakMap<object, FileDigest>();

/**
 * The digest of a generated file's text as written to disk (UTF-8), worked
 * out once however often the plan and the record ask. The text is hashed
 * part by part as it is, with no byte copy of it and no joined string: at
 * 10,000 codes one OpenAPI document is 11 MB.
 */
export function digestOfGenerated(file: { readonly path: string; readonly contents: string }): FileDigest {
  let digest = generatedDigests.get(file);
  if (digest === undefined) {
    const hash = createHash('sha1');
    let size = 0;
    for (const part of textParts(file)) {
      hash.update(part, 'utf8');
      size += Buffer.byteLength(part, 'utf8');
    }
    generatedDigests.set(file, (digest = { size, hash: hash.digest('hex') }));
  }
  return digest;
}

/** Text is encoded this many UTF-16 units at a time, into one buffer of three bytes a unit (UTF-8's most). */
const CHUNK = 256 * 1024;

/**
 * Writes a generated file's text to `target` (created or truncated) in
 * UTF-8, a chunk at a time through one small buffer, and hashes the bytes
 * written for the record: no whole-file byte copy is made, which at 10,000
 * codes would be tens of megabytes at the run's peak. The calls are
 * synchronous: a file is a few quick system calls, which a run writing
 * files one after another would otherwise wait on each in turn, as a
 * round trip through libuv's threads behind whatever else the process does.
 */
export function writeGenerated(target: string, file: { readonly path: string; readonly contents: string }): void {
  const known = generatedDigests.has(file);
  const hash: Hash | undefined = known ? undefined : createHash('sha1');
  const parts = textParts(file);
  const buffer = Buffer.allocUnsafe(3 * Math.min(CHUNK, parts.reduce((sum, part) => sum + part.length, 0)));
  let size = 0;
  const descriptor = openSync(target, 'w');
  try {
    for (const part of parts) {
      for (let start = 0; start < part.length; ) {
        let end = Math.min(start + CHUNK, part.length);
        // A surrogate pair is encoded whole: never split it between chunks.
        if (end < part.length && isHighSurrogate(part.charCodeAt(end - 1))) end--;
        const length = buffer.write(part.slice(start, end), 0, 'utf8');
        hash?.update(buffer.subarray(0, length));
        size += length;
        for (let written = 0; written < length; ) written += writeSync(descriptor, buffer, written, length - written);
        start = end;
      }
    }
  } finally {
    closeSync(descriptor);
  }
  if (hash) generatedDigests.set(file, { size, hash: hash.digest('hex') });
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
