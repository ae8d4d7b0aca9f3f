import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partsFile } from '../targets/shared/text-parts.js';
import type { GeneratedFile } from '../targets/target.js';
import { digestOfFile, digestOfGenerated, writeGenerated } from './file-digest.js';

const CHUNK = 256 * 1024;
// Text around the writer's chunk boundary: a pair split there must be written whole.
const straddling = `${'a'.repeat(CHUNK - 1)}😀${'b'.repeat(10)}`;
const cases: Array<[string, () => GeneratedFile]> = [
  ['an empty file', () => ({ path: 'empty.txt', contents: '' })],
  ['ASCII', () => ({ path: 'ascii.txt', contents: 'name: value\n' })],
  ['text beyond Latin-1, over several chunks', () => ({ path: 'long.yaml', contents: `${'The category’s message.\n'.repeat(40_000)}` })],
  ['a surrogate pair across a chunk boundary', () => ({ path: 'pair.txt', contents: straddling })],
  ['text in parts, one of them long', () => partsFile('parts.json', ['{\n  "a": ', JSON.stringify('é'.repeat(CHUNK + 3)), ',\n  "b": "’"\n}\n'])],
];

describe('writing a generated file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'errcat-digest-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(cases)('%s: writes its text in UTF-8, and the digest of what it wrote is the digest of its text', async (_name, make) => {
    const written = make();
    const target = path.join(dir, written.path);
    writeGenerated(target, written);
    const bytes = await readFile(target);
    expect(bytes.equals(Buffer.from(written.contents, 'utf8'))).toBe(true);
    // The digest remembered from the writing, and one worked out from the text alone.
    expect(digestOfGenerated(written)).toEqual(await digestOfFile(target));
    expect(digestOfGenerated(make())).toEqual({ size: bytes.length, hash: createHash('sha1').update(bytes).digest('hex') });
  });
});
