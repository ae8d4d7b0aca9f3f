import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { offsetTooDeep } from './nesting-depth.js';

const specDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../spec');

describe('offsetTooDeep', () => {
  it.each(readdirSync(specDir).filter((name) => name.endsWith('.yaml')))('finds the repository spec %s well within 16 levels', (name) => {
    expect(offsetTooDeep(readFileSync(path.join(specDir, name), 'utf8'), 16)).toBeUndefined();
  });

  it.each([
    // At the bracket that makes 65 levels with the block mapping around it.
    ['flow collections', `a: ${'['.repeat(70)}${']'.repeat(70)}\n`, 3 + 63],
    ['mixed flow collections', `a: ${'[{a: '.repeat(40)}`, 3 + 31 * 5 + 1],
    ['indented keys', Array.from({ length: 70 }, (_, level) => `${'  '.repeat(level)}k${level}:`).join('\n'), undefined],
    ['list items on one line', `${'- '.repeat(70)}x\n`, 140],
  ])('finds where %s go past the limit', (_name, text, expected) => {
    const offset = offsetTooDeep(text, 64);
    expect(offset).toBeDefined();
    if (expected !== undefined) expect(offset).toBe(expected);
  });

  it.each([
    ['in quotes', `a: "${'['.repeat(100)}"\nb: '${'{'.repeat(100)}'\n`],
    ['in comments', `a: 1 # ${'['.repeat(100)}\n`],
    ['in plain text', `a: text ${'[{'.repeat(100)}\n`],
    ['in block scalars', `a: |\n  ${'['.repeat(100)}\n  - - - - [\nb: 1\n`],
    ['placeholders', `en: "${'{0} '.repeat(200)}"\nfr: ${'{0} '.repeat(200)}\n`],
  ])('ignores brackets %s', (_name, text) => {
    expect(offsetTooDeep(text, 64)).toBeUndefined();
  });
});
