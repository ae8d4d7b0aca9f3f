import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { isPlainText } from './laid-out-text.js';
import { dataLiteral, docText, isLastPlainLiteral, jsDocBlock, propertyName, quote, unionType, type Data } from './ts-literal.js';

const evaluate = (expression: string): unknown => new Function(`return (${expression});`)();

const nasty = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('"', "'", '\\', '*/', '/*', '${', '`', '\n', '\r\n', '\r', '\u2028', '\u2029', '😀', 'مرحبا بالعالم', '\u202e', '\0', '\ud800', '@param x', '</script>'),
);
const text = fc.array(nasty, { maxLength: 8 }).map((parts) => parts.join(''));

describe('quote', () => {
  it('evaluates back to any string', () => {
    fc.assert(fc.property(text, (value) => evaluate(quote(value)) === value));
  });

  it('never writes a raw line break into the literal', () => {
    fc.assert(fc.property(text, (value) => !/[\n\r\u2028\u2029]/.test(quote(value))));
  });

  it('writes what JSON writes, with U+2028, U+2029 and bidirectional controls as escapes', () => {
    const escapes = (value: string) => JSON.stringify(value).replace(/[\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    fc.assert(fc.property(fc.oneof(text, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (value) => quote(value) === escapes(value)));
    for (const value of ['', 'plain', '\u2066isolate\u2069', '\udc00\ud800', '😀', '\u007f', '\u0085']) expect(quote(value)).toBe(escapes(value));
  });
});

describe('docText', () => {
  it('shows control characters as their escapes, keeping tabs and line breaks', () => {
    expect(docText('a\u0001b\u0000c\u007f\td\ne')).toBe('a\\u0001b\\u0000c\\u007F\td\ne');
    fc.assert(fc.property(text, (value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(docText(value))));
  });
});

describe('jsDocBlock', () => {
  it('stays one comment, whatever the text', () => {
    fc.assert(
      fc.property(text, (value) => {
        const source = ts.createSourceFile('doc.ts', `${jsDocBlock(value)}\nexport const marker = 1;\n`, ts.ScriptTarget.ES2022, true);
        const diagnostics = (source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics;
        return diagnostics.length === 0 && source.statements.length === 1;
      }),
    );
  });

  it('writes one line when it can and no trailing spaces when it cannot', () => {
    expect(jsDocBlock('404: Not found.')).toBe('/** 404: Not found. */');
    expect(jsDocBlock('a\n\nb */', '  ')).toBe('/**\n   * a\n   *\n   * b *\\/\n   */');
  });
});

describe('dataLiteral', () => {
  const data: fc.Arbitrary<Data> = fc.letrec<{ value: Data }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(text, fc.constantFrom('__proto__', 'constructor', 'a-b', '0', 'valid_name')), tie('value'), { maxKeys: 4, noNullPrototype: true }),
    ),
  })).value;

  it('evaluates back to the same data, `__proto__` keys included', () => {
    fc.assert(
      fc.property(data, (value) => {
        expect(JSON.stringify(evaluate(dataLiteral(value)))).toBe(JSON.stringify(value));
      }),
    );
  });

  it('keeps short flat objects on one line and nests the rest', () => {
    expect(dataLiteral({ kind: 'code', key: 'A/B' })).toBe('{ kind: "code", key: "A/B" }');
    expect(dataLiteral({ a: { b: [1, 2] } })).toBe('{\n  a: {\n    b: [1, 2],\n  },\n}');
  });

  it('leaves undefined properties out', () => {
    expect(dataLiteral({ a: 1, b: undefined })).toBe('{ a: 1 }');
  });

  // The printer places a literal it knows plain without reading it: the
  // literal's own verdict must be isPlainText's, read character by character.
  it('knows whether its text is plain, as isPlainText reads it', () => {
    const collection = fc.oneof(fc.array(data, { maxLength: 4 }), fc.dictionary(text, data, { maxKeys: 4, noNullPrototype: true }));
    fc.assert(
      fc.property(collection, fc.constantFrom('', '  ', '    ', '\t', "'", '/', ' \\'), (value, indent) => {
        const literal = dataLiteral(value, indent);
        const known = isLastPlainLiteral(literal);
        // Never plain when isPlainText would say otherwise; and as isPlainText says for the indents callers give, spaces.
        if (known) expect(isPlainText(literal), literal).toBe(true);
        if (/^ *$/.test(indent)) expect(known, literal).toBe(isPlainText(literal));
      }),
    );
    // Forgotten once matched: no literal stays held after its printing.
    const once = dataLiteral({ a: 'b', c: [1, 2, 3] });
    expect([isLastPlainLiteral(once), isLastPlainLiteral(once)]).toEqual([true, false]);
    // A string ending in a backslash: code-block-writer reads the escaped backslash as escaping the closing quote.
    for (const value of [{ a: 'x\\' }, ['a', 'b\\'], { 'key\\': 1 }]) expect(isLastPlainLiteral(dataLiteral(value)), JSON.stringify(value)).toBe(false);
    for (const value of [{ a: 'x\\y' }, { a: '\\"' }, { long: 'x'.repeat(200) }, [{ 'a-b': ['\\n'] }]]) {
      expect(isLastPlainLiteral(dataLiteral(value)), JSON.stringify(value)).toBe(true);
      expect(isPlainText(dataLiteral(value)), JSON.stringify(value)).toBe(true);
    }
  });
});

describe('names', () => {
  it('quotes property names only when needed', () => {
    expect([propertyName('zhTW'), propertyName('zh-TW'), propertyName('__proto__')]).toEqual(['zhTW', '"zh-TW"', '["__proto__"]']);
  });

  it('writes one union member a line', () => {
    expect(unionType([])).toBe('never');
    expect(unionType(['"a"'])).toBe('"a"');
    expect(unionType(['"a"', '"b"'])).toBe('\n  | "a"\n  | "b"');
    expect(unionType(['{\n  a: 1;\n}', '"b"'])).toBe('\n  | {\n    a: 1;\n  }\n  | "b"');
  });
});
