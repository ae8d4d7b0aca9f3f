import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { inspectData, mayShareOrSplit } from './inspect-data.js';

const load = (text: string) => jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });

/** Nothing `inspectData` looks for: no value reached twice, none inside itself, no half surrogate pair. */
function isPlainTree(data: unknown): boolean {
  const facts = inspectData(data);
  return !facts.cycle && facts.aliases === 0 && facts.expandedSize === facts.distinctSize && facts.lonelySurrogates.length === 0;
}

describe('mayShareOrSplit', () => {
  it.each([
    ['an alias', 'a: &x [1]\nb: *x\n'],
    ['an alias inside its anchor', 'a: &x [*x]\n'],
    ['an escaped half surrogate pair', 'a: "\\ud800"\n'],
    ['a long escape', 'a: "\\U0000DC00"\n'],
    ['half a surrogate pair in the text itself', 'a: "\ud800"\n'],
  ])('says yes to a file with %s', (_name, text) => {
    expect(mayShareOrSplit(text)).toBe(true);
    expect(isPlainTree(load(text))).toBe(false);
  });

  it('says no only where the data is a plain tree', () => {
    // Data with shared values and any text, written as YAML: js-yaml writes a shared value as an anchor and aliases.
    const shared = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string({ unit: 'binary' }), fc.integer(), fc.boolean(), tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 4 }),
      map: fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), tie('value'), { maxKeys: 4 }),
    })).value.chain((value) => fc.constantFrom(value, [value, value], { a: value, b: [value] }));
    fc.assert(
      fc.property(shared, (data) => {
        const text = jsYaml.dump(data);
        if (!mayShareOrSplit(text)) expect(isPlainTree(load(text))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
