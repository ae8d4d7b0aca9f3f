import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTemplate, parseTemplate, placeholdersOf } from './template.js';

describe('compileTemplate', () => {
  it.each([
    ['positional params by their names', 'Blob {0}: {1}.', ['blob', 'reason'], { blob: 'a.csv', reason: 'gone' }, 'Blob a.csv: gone.'],
    ['named placeholders', 'Blob {blob} is {state}', [], { blob: 'x', state: 'missing' }, 'Blob x is missing'],
    ['numbers', 'At most {0} requests', ['max'], { max: 12 }, 'At most 12 requests'],
    ['a param used twice', '{0} and {0}', ['a'], { a: 'x' }, 'x and x'],
    ['doubled braces are literal', '{{0}} is {0}', ['a'], { a: 'x' }, '{0} is x'],
    ['a missing param stays visible', 'Blob {0}: {1}.', ['blob', 'reason'], { blob: 'a' }, 'Blob a: {reason}.'],
    ['a placeholder without a name stays as written', 'Value {3}', ['a'], {}, 'Value {3}'],
    ['no placeholders', 'Plain text.', [], undefined, 'Plain text.'],
  ])('%s', (_name, template, names, params, want) => {
    expect(compileTemplate(template, names)(params)).toBe(want);
  });

  it('reads params from the object itself, never from Object.prototype', () => {
    const format = compileTemplate('{toString} {constructor} {valueOf} {hasOwnProperty} {0}', ['__proto__']);
    expect(format({})).toBe('{toString} {constructor} {valueOf} {hasOwnProperty} {__proto__}');
    expect(format(undefined)).toBe('{toString} {constructor} {valueOf} {hasOwnProperty} {__proto__}');
    const inherited = Object.create({ toString: 'inherited' }) as Record<string, string>;
    expect(compileTemplate('{toString}')(inherited)).toBe('{toString}');
    expect(compileTemplate('{toString}')({ toString: 'own' })).toBe('own');
  });

  it('returns any text without braces unchanged', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }).map((text) => text.replace(/[{}]/g, '')), (text) => compileTemplate(text)() === text));
  });

  it('returns any text with its braces doubled as the text itself', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => compileTemplate(text.replace(/[{}]/g, '$&$&'))() === text));
  });

  it('inserts param values verbatim, whatever they contain', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (value) => compileTemplate('<{0}>', ['v'])({ v: value }) === `<${value}>`));
  });
});

describe('parseTemplate', () => {
  it('lists placeholders in order of first use', () => {
    expect(placeholdersOf('{1} {0} {1} {name}')).toEqual(['{1}', '{0}', '{name}']);
  });
});

describe('parseTemplate', () => {
  it('reports each malformed placeholder once and keeps it as literal text', () => {
    const { parts, problems } = parseTemplate('size {0 } of {name} is {bad-name} }');
    expect(problems.map((problem) => problem.text)).toEqual(['{0 }', '{bad-name}', '}']);
    expect(parts).toEqual([{ text: 'size {0 } of ' }, { param: 'name' }, { text: ' is {bad-name} }' }]);
  });

  it('reads doubled braces as literal braces', () => {
    expect(parseTemplate('{{0}} {0}').parts).toEqual([{ text: '{0} ' }, { param: 0 }]);
  });
});
