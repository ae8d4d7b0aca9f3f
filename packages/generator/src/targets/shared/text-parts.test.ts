import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OWN_PART, PartsWriter } from './text-parts.js';

describe('PartsWriter', () => {
  const piece = fc.oneof({ arbitrary: fc.string({ maxLength: 40 }), weight: 20 }, fc.integer({ min: OWN_PART, max: OWN_PART + 100 }).map((length) => 'x'.repeat(length)));

  it('keeps the text, each long piece as a part of its own, and joins short pieces a run at a time', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6000 }), (pieces) => {
        const writer = new PartsWriter();
        for (const text of pieces) writer.push(text);
        const parts = writer.parts();
        expect(parts.join('')).toBe(pieces.join(''));
        expect(writer.text()).toBe(pieces.join(''));
        const long = pieces.filter((text) => text.length >= OWN_PART);
        for (const text of long) expect(parts).toContain(text);
        // A run ends once it is long enough, before a long piece, or at the end.
        expect(parts.filter((part) => part.length < OWN_PART).length).toBeLessThanOrEqual(long.length + 1);
      }),
      { numRuns: 60 },
    );
  });
});
