import { createHash } from 'node:crypto';

/** A file's bytes as size and SHA-1: enough to tell two versions apart without holding either. */
export interface FileDigest {
  readonly size: number;
  readonly hash: string;
}

/**
 * The digest of a text as written to disk (UTF-8), or of bytes read from it.
 * A text is hashed as it is, with no byte copy of it: at 10,000 codes one
 * OpenAPI document is 11 MB.
 */
export function digestOf(contents: string | Buffer): FileDigest {
  if (typeof contents === 'string') return { size: Buffer.byteLength(contents, 'utf8'), hash: createHash('sha1').update(contents, 'utf8').digest('hex') };
  return { size: contents.length, hash: createHash('sha1').update(contents).digest('hex') };
}

export function sameDigest(a: FileDigest, b: FileDigest): boolean {
  return a.size === b.size && a.hash === b.hash;
}

const generatedDigests = new WeakMap<object, FileDigest>();

/** The digest of a generated file's text, worked out once however often the plan and the record ask. */
export function digestOfGenerated(file: { readonly contents: string }): FileDigest {
  let digest = generatedDigests.get(file);
  if (digest === undefined) generatedDigests.set(file, (digest = digestOf(file.contents)));
  return digest;
}

/** A generated file's text as the bytes to write, whose digest the record then takes instead of encoding the text again. */
export function bytesOfGenerated(file: { readonly contents: string }): Buffer {
  const bytes = Buffer.from(file.contents, 'utf8');
  if (!generatedDigests.has(file)) generatedDigests.set(file, digestOf(bytes));
  return bytes;
}
