// A generated file held as the pieces of its text. At 10,000 codes the four
// OpenAPI documents are 40 MB of text, most of it the responses that the 3.1
// and 3.0 documents share; joined, each document would be a string of its
// own, and one `’` in a schema description makes V8 store all of it at two
// bytes a character. Held in parts, the documents share the responses' text,
// and the writer hashes and writes part by part without ever joining them.

import type { GeneratedFile } from '../target.js';

/**
 * How deep the writers look for collections that several files share and
 * write once (the OpenAPI documents' `components.responses` is at 2);
 * anything deeper is written in place.
 */
export const SHARED_DEPTH = 2;

const partsOf = new WeakMap<GeneratedFile, readonly string[]>();

/**
 * A file whose `contents` is `parts` joined, made only when something reads
 * it (a test, `errcat diff`). Each part is whole text: no surrogate pair is
 * split between two.
 */
export function partsFile(path: string, parts: readonly string[]): GeneratedFile {
  let text: string | undefined;
  const file: GeneratedFile = {
    path,
    get contents() {
      return (text ??= parts.join(''));
    },
  };
  partsOf.set(file, parts);
  return file;
}

/** The pieces of a file's text, in order: one, unless the file was made by `partsFile`. */
export function textParts(file: GeneratedFile): readonly string[] {
  return partsOf.get(file) ?? [file.contents];
}

/** A piece this long stays a piece of its own; shorter runs of pieces are joined, so a file has a few parts, not thousands. */
const OWN_PART = 64 * 1024;

/** `pieces` with each run of short pieces joined into one. */
export function compactParts(pieces: readonly string[]): string[] {
  const parts: string[] = [];
  let run: string[] = [];
  for (const piece of pieces) {
    if (piece.length < OWN_PART) {
      run.push(piece);
      continue;
    }
    if (run.length > 0) parts.push(run.join(''));
    run = [];
    parts.push(piece);
  }
  if (run.length > 0) parts.push(run.join(''));
  return parts;
}
