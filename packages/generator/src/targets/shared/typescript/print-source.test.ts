import fc from 'fast-check';
import { IndentationText, NewLineKind, Project, QuoteKind, StructureKind, VariableDeclarationKind, type StatementStructures } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { tsHeader } from '../generated-header.js';
import { printPlain, printSource, printWithSlots } from './print-source.js';
import { dataLiteral, jsDocBlock, quote, unionType, type Data } from './ts-literal.js';

/**
 * What `printSource` did before it printed once: print, parse back, and run
 * the TypeScript formatter over the whole file. The fast path must give the
 * same bytes for every shape of text the targets hand it.
 */
function printedAndFormatted(statements: readonly StatementStructures[]): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed, quoteKind: QuoteKind.Double },
  });
  const spaced = statements.flatMap((statement, index) => (index > 0 ? [(writer: { blankLineIfLastNot(): void }) => writer.blankLineIfLastNot(), statement] : [statement]));
  const file = project.createSourceFile('/print/file.ts', { statements: spaced as StatementStructures[] });
  file.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
  return `${tsHeader()}\n${file.getFullText().replace(/\s*$/, '\n')}`;
}

// Shapes the targets write. (One they do not: a union that starts on the line
// after a property's colon, which the formatter leaves unindented.)
const objectMembers = `{\n  /** One. */\n  readonly a: string;\n\n  readonly b: ${unionType(['"x"', '{\n  c: number;\n}'])};\n}`;

const cases: Array<[string, StatementStructures[]]> = [
  ['a multi-line data initializer', [{ kind: StructureKind.VariableStatement, declarationKind: VariableDeclarationKind.Const, isExported: true, declarations: [{ name: 'data', type: 'Record<string, unknown>', initializer: dataLiteral({ a: 1, nested: { list: ['x', 'y'], deep: { more: [{ k: 'v', long: 'x'.repeat(120) }] } } }) }] }]],
  ['a union type alias', [{ kind: StructureKind.TypeAlias, name: 'U', isExported: true, docs: ['Two\nlines.'], type: unionType(['"a"', '"b"', objectMembers]) }]],
  ['an interface with multi-line property types', [{ kind: StructureKind.Interface, name: 'I', isExported: true, properties: [{ name: '"a/b"', isReadonly: true, type: objectMembers }, { name: 'c', type: '"a" | "b"' }] }]],
  ['a writer-function initializer', [{ kind: StructureKind.VariableStatement, declarationKind: VariableDeclarationKind.Const, declarations: [{ name: 'E', initializer: (writer) => { writer.write('{').indent(() => { writer.writeLine(jsDocBlock('Doc\nlines')); writer.writeLine('A: "A",'); }); writer.write('} as const'); } }] }]],
  ['an enum with one- and multi-line docs', [{ kind: StructureKind.Enum, name: 'E', isExported: true, docs: ['Codes.'], members: [{ name: 'A', initializer: '"A"', docs: ['One.'] }, { name: 'B', initializer: '"B"', docs: [{ description: 'Two\nlines.' }] }, { name: 'C', initializer: '"C"' }] }]],
  ['a class with a multi-line method return type', [{ kind: StructureKind.Class, name: 'C', isExported: true, methods: [{ name: 'm', returnType: objectMembers, statements: ['return { a: "", b: "x" };'] }] }]],
];

describe('printSource', () => {
  it.each(cases)('prints %s as the TypeScript formatter would', (_name, statements) => {
    expect(printSource('file.ts', statements).contents).toBe(printedAndFormatted(statements));
  });
});

// Text the printer's writer may read differently from TypeScript: quotes and
// backslashes (escaped or escaping), slashes, backticks, comment marks,
// template marks, trailing spaces, blank lines.
const tricky = fc.oneof(
  { arbitrary: fc.string({ maxLength: 6 }), weight: 3 },
  fc.constantFrom('"', "'", '\\', '\\"', '/', '//', '/*', '*/', '/**', '`', '${', '}', ' ', '\n', '\n\n', ' \n', '\t', '*', '@'),
);
const trickyText = fc.array(tricky, { maxLength: 6 }).map((parts) => parts.join(''));
const data: fc.Arbitrary<Data> = fc.letrec<{ value: Data }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    trickyText,
    fc.integer(),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(trickyText, tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** Statements in the shapes the targets write, around text built from `parts`. */
function shapes(value: Data, raw: string, docs: readonly string[]): StatementStructures[] {
  const long = { padding: 'x'.repeat(200), value };
  return [
    { kind: StructureKind.VariableStatement, declarationKind: VariableDeclarationKind.Const, isExported: true, declarations: [{ name: 'data', type: 'Data', initializer: dataLiteral(long) }] },
    { kind: StructureKind.TypeAlias, name: 'Keys', isExported: true, type: unionType([...Object.keys(long), ...docs].map(quote).concat(Array.from({ length: 20 }, (_, index) => quote(`key${index}`)))) },
    { kind: StructureKind.TypeAlias, name: 'Raw', type: `{\n  a: ${raw};\n${'  b: 1;\n'.repeat(20)}}` },
    { kind: StructureKind.Interface, name: 'I', isExported: true, properties: [{ name: 'p', type: `{\n  q: ${dataLiteral(long)};\n}` }, { name: 'r', type: raw }] },
    { kind: StructureKind.Enum, name: 'E', isExported: true, members: docs.map((doc, index) => ({ name: `M${index}`, initializer: quote(doc), docs: [{ description: doc }] })).concat(Array.from({ length: 12 }, (_, index) => ({ name: `N${index}`, initializer: quote(`n${index}`), docs: [{ description: 'Filler.' }] }))) },
    { kind: StructureKind.Class, name: 'C', isExported: true, properties: [{ name: 'x', isStatic: true, initializer: dataLiteral(long) }], methods: [{ name: 'm', returnType: `{\n  v: ${raw};\n${'  w: 2;\n'.repeat(20)}}`, statements: ['return undefined as never;'] }] },
  ] as StatementStructures[];
}

describe('printSource with text left out of the printing', () => {
  it('gives the same bytes as printing every character, whenever it can', () => {
    let filled = 0;
    fc.assert(
      fc.property(data, trickyText, fc.array(trickyText, { maxLength: 4 }), (value, raw, docs) => {
        const statements = shapes(value, raw, docs);
        const fast = printWithSlots(statements);
        if (fast === undefined) return;
        filled++;
        expect(fast).toBe(printPlain(statements));
      }),
      { numRuns: 400 },
    );
    // Text that leaves the writer inside a string (a lone backtick) makes it
    // print the slow way; most cases must still take the fast one.
    expect(filled).toBeGreaterThan(200);
  });
});
