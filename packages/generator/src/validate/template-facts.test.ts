import { parseTemplate, placeholdersOf } from '@errcat/runtime';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { templateFacts } from './template-facts.js';

/** What the runtime itself reads in a text: the answers the fast reading must give. */
function runtimeFacts(text: string) {
  const placeholders = placeholdersOf(text);
  return { problems: parseTemplate(text).problems, placeholders, sorted: [...placeholders].sort() };
}

// Pieces a message is made of, near the edges of the grammar: doubled braces,
// placeholders by number (with leading zeros, and past three digits), by name
// (70 characters is the longest, 71 too long), names the grammar rejects.
const PIECES = ['{', '}', '{{', '}}', '{0}', '{1}', '{007}', '{1234}', '{name}', '{_x9}', '{9a}', '{ x}', '{}', 'text', ' ', 'ü', `{${'a'.repeat(70)}}`, `{${'a'.repeat(71)}}`];

describe('templateFacts', () => {
  it.each([
    ['no braces', 'The body is invalid.'],
    ['placeholders by position and name', 'The blob {0} in {container} failed: {0}.'],
    ['doubled braces', 'Use {{0}} literally, then {1}}}'],
    ['a brace that never closes', 'Value {0 is wrong'],
    ['a lone closing brace', 'Value 0} is wrong {name}'],
    ['leading zeros', '{007} and {7}'],
    ['the longest name and one past it', `{${'a'.repeat(70)}} {${'b'.repeat(71)}}`],
  ])('reads %s as the runtime does', (_name, text) => {
    expect(templateFacts(text)).toEqual(runtimeFacts(text));
  });

  it('reads any text made of the grammar’s edge cases as the runtime does', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 12 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, (template) => {
        expect(templateFacts(template)).toEqual(runtimeFacts(template));
      }),
      { numRuns: 2000 },
    );
  });
});
