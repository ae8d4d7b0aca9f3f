import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML, { type ScalarTag } from 'yaml';
import { edgeCatalog, realCatalog, targetInput } from './error-bodies/__fixtures__/catalogs.js';
import { buildDocument30, buildDocument31 } from '../openapi/documents.js';
import { fastYamlText, NON_STRING, YAML_OPTIONS, yamlText, yamlTexts } from './yaml-text.js';

const library = (value: unknown) => YAML.stringify(value, YAML_OPTIONS);

// Pieces that decide how YAML writes a string: indicators, quotes, line
// breaks and edge spaces, words and numbers that read as other types,
// document markers, control characters and lone surrogates.
const piece = fc.oneof(
  { arbitrary: fc.string({ maxLength: 6 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 3 }), weight: 1 },
  { arbitrary: fc.constantFrom('"', "'", ':', ': ', ' #', '#', '-', '- ', '?', '? ', ' ', '\t', '\n', '\n\n', '\n ', ' \n', '|', '>', '@', '`', '%', '&', '*', '!', '[', ']', '{', '}', ','), weight: 4 },
  { arbitrary: fc.constantFrom('true', 'False', 'null', '~', '12', '-3', '0.5', '.5', '1e3', '0x1F', '0o17', '.inf', '.NaN', '😀', '\u2028', '\u00a0'), weight: 3 },
  fc.constantFrom('---', '...', '\u0000', '\u0085', '\ud800', '\x7f'),
);
const text = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));
const key = fc.oneof({ arbitrary: fc.string({ minLength: 1, maxLength: 8 }), weight: 3 }, text);
const scalar = fc.oneof({ arbitrary: text, weight: 6 }, fc.integer(), { arbitrary: fc.double(), weight: 1 }, fc.boolean(), fc.constant(null));
const value = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, fc.option(tie('node'), { nil: undefined, freq: 8 }), { maxKeys: 4 }),
  ),
})).node;
const document = fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 });

describe('YAML text for generated documents', () => {
  it('writes exactly what the yaml library writes, whenever it writes at all', () => {
    let written = 0;
    fc.assert(
      fc.property(document, (data) => {
        const fast = fastYamlText(data);
        if (fast === undefined) return;
        written++;
        expect(fast).toBe(library(data));
      }),
      { numRuns: 3000 },
    );
    // Many random documents hold something left to the library (a float, a
    // control character); enough must be written here for the test to mean something.
    expect(written).toBeGreaterThan(450);
  });

  it('reads back as the data it was written from', () => {
    fc.assert(
      fc.property(document, (data) => {
        const fast = fastYamlText(data);
        if (fast !== undefined) expect(YAML.parse(fast)).toEqual(JSON.parse(JSON.stringify(data)));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes documents that share collections as the library writes each', () => {
    // The same objects under the same keys, under other keys, deeper or shallower.
    const writable = <T>(arbitrary: fc.Arbitrary<T>) => arbitrary.filter((item) => fastYamlText({ item }) !== undefined);
    const placed = fc.tuple(writable(value), writable(value), writable(document)).map(([one, two, rest]) => [
      { ...rest, components: { responses: one, headers: two } },
      { components: { responses: one, headers: two, more: { one } }, other: one, list: [one, two] },
      { components: { headers: one, responses: two } },
    ]);
    let fast = 0;
    fc.assert(
      fc.property(placed, (documents) => {
        if (documents.every((built) => fastYamlText(built) !== undefined)) fast++;
        expect(yamlTexts(documents)).toEqual(documents.map(library));
      }),
      { numRuns: 500 },
    );
    expect(fast).toBeGreaterThan(400);
  });

  it.each([
    ['the seed catalog', realCatalog],
    ['the edge catalog', edgeCatalog],
  ])('writes both OpenAPI documents of %s without the library', async (_name, catalog) => {
    const input = targetInput(await catalog());
    const documents = [buildDocument31(input), buildDocument30(input)];
    for (const built of documents) expect(fastYamlText(built)).toBe(library(built));
    expect(yamlTexts(documents)).toEqual(documents.map(library));
  });

  it('leaves what it does not write to the library', () => {
    expect(fastYamlText({ block: ' leading space\nsecond line' })).toBeUndefined();
    expect(fastYamlText({ ratio: 0.5 })).toBeUndefined();
    expect(fastYamlText({ marker: '--- a' })).toBeUndefined();
    expect(yamlText({ ratio: 0.5 })).toBe('ratio: 0.5\n');
  });
});

describe('the plain scalars that would not read back as text', () => {
  it('are the YAML 1.2 core schema tests of the yaml library in use', () => {
    const libraryTests = (new YAML.Document().schema.tags as ScalarTag[])
      .filter((tag) => tag.default === true && tag.tag !== 'tag:yaml.org,2002:str' && tag.test instanceof RegExp)
      .map((tag) => `(?:${tag.test!.source})`)
      .join('|');
    expect(NON_STRING.source).toBe(libraryTests);
  });
});
