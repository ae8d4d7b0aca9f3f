import { IndentationText, NewLineKind, Project, QuoteKind, StructureKind, VariableDeclarationKind, type StatementStructures } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { tsHeader } from '../generated-header.js';
import { printSource } from './print-source.js';
import { dataLiteral, jsDocBlock, unionType } from './ts-literal.js';

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
