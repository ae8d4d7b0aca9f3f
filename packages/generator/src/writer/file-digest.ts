import { createHash } from 'node:crypto';

/** A file's bytes as size and SHA-1: enough to tell two versions apart without holding either. */
export interface FileDigest {
  readonly size: number;
  readonly hash: string;
}

/** The digest of a text as written to disk (UTF-8), or of bytes read from it. */
export function digestOf(contents: string | Buffer): FileDigest {
  const bytes = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
  return { size: bytes.length, hash: createHash('sha1').update(bytes).digest('hex') };
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
