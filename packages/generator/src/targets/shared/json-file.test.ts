import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonFile, jsonFiles } from './json-file.js';

const value = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('\n', '\u0000errcat-shared-json\u0000', '’', '"'), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie('node'), { maxKeys: 4 }),
  ),
})).node;
const collection = fc.oneof(fc.array(value, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 4 }), value, { maxKeys: 4 }));

describe('JSON files that share collections', () => {
  it('are written exactly as each would be alone, wherever the shared collections sit', () => {
    fc.assert(
      fc.property(collection, collection, value, (one, two, rest) => {
        // The same objects at several depths, in maps and in arrays, twice in one file.
        const documents = [
          { rest, components: { responses: one, headers: two } },
          { components: { responses: one, more: { deeper: [one, two] } }, other: one },
          [two, rest],
        ];
        const files = jsonFiles(
          documents.map((document, index) => [`file${index}.json`, document] as const),
          new Set([one, two]),
        );
        expect(files).toEqual(documents.map((document, index) => jsonFile(`file${index}.json`, document)));
      }),
      { numRuns: 500 },
    );
  });

  it('writes a shared collection once per indentation, and the rest around it', () => {
    const responses = { NotFound: { description: 'Not found’s text', content: {} } };
    const [a, b] = jsonFiles(
      [
        ['a.json', { openapi: '3.1.0', components: { schemas: { A: { type: 'string' } }, responses } }],
        ['b.json', { openapi: '3.0.3', components: { responses, schemas: {} } }],
      ],
      new Set([responses]),
    );
    expect(a!.contents).toBe(`${JSON.stringify({ openapi: '3.1.0', components: { schemas: { A: { type: 'string' } }, responses } }, null, 2)}\n`);
    expect(b!.contents).toBe(`${JSON.stringify({ openapi: '3.0.3', components: { responses, schemas: {} } }, null, 2)}\n`);
  });
});
