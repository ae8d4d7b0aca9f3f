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
export const OWN_PART = 64 * 1024;

/** `pieces` with each run of short pieces joined into one. */
export function compactParts(pieces: readonly string[]): string[] {
  const writer = new PartsWriter();
  for (const piece of pieces) writer.push(piece);
  return writer.parts();
}

/**
 * Text written a piece at a time (a line's indent, key, value) and kept as
 * parts: each run of short pieces is joined once it is OWN_PART long, and a
 * long piece stays a part of its own. Joined as they come, the pieces die
 * young: kept until one join at the end, hundreds of thousands of them would
 * each survive garbage collection after garbage collection, which at 10,000
 * codes was a tenth of a generation.
 */
export class PartsWriter {
  private readonly done: string[] = [];
  private run: string[] = [];
  private runLength = 0;

  push(piece: string): void {
    if (piece.length >= OWN_PART) {
      this.endRun();
      this.done.push(piece);
      return;
    }
    this.run.push(piece);
    this.runLength += piece.length;
    if (this.runLength >= OWN_PART) this.endRun();
  }

  /** The parts so far; the writer goes on after them. */
  parts(): string[] {
    this.endRun();
    return [...this.done];
  }

  text(): string {
    this.endRun();
    return this.done.length === 1 ? this.done[0]! : this.done.join('');
  }

  private endRun(): void {
    if (this.run.length === 0) return;
    this.done.push(this.run.length === 1 ? this.run[0]! : this.run.join(''));
    this.run = [];
    this.runLength = 0;
  }
}
