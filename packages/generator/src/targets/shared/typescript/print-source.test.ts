import path from 'node:path';
import fc from 'fast-check';
import { IndentationText, NewLineKind, Project, QuoteKind, type StatementStructures, type WriterFunction } from 'ts-morph';
import CodeBlockWriter from 'code-block-writer';
import { describe, expect, it, vi } from 'vitest';
import { isPlainText } from './laid-out-text.js';
import { readsPlainly } from './structure-printer.js';
import { generateAll } from '../../../cli/commands/generate.js';
import { emitSpecYaml } from '../../../import/emit-yaml.js';
import { starterCatalog } from '../../../init/starter-catalog.js';
import { loadCatalogFromTexts } from '../../../load/load-catalog.js';
import type { Catalog } from '../../../model/catalog.js';
import { loadSpecDir, REPO } from '../../codes/__fixtures__/harness.js';
import { TARGETS } from '../../registry.js';
import { fixtureInput } from '../__fixtures__/target-input.js';
import { tsHeader } from '../generated-header.js';
import { printedByTsMorph } from './__fixtures__/ts-morph-reference.js';
import { printSource } from './print-source.js';
import { StructureKind, VariableDeclarationKind } from './structure-kind.js';
import { dataLiteral, jsDocBlock, quote, unionType, type Data } from './ts-literal.js';

// Every file a target prints, with the statements it was printed from.
const printed = vi.hoisted(() => [] as Array<{ path: string; statements: readonly StatementStructures[]; contents: string }>);
vi.mock('./print-source.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./print-source.js')>();
  return {
    printSource: (file: string, statements: readonly StatementStructures[]) => {
      const result = actual.printSource(file, statements);
      printed.push({ path: file, statements, contents: result.contents });
      return result;
    },
  };
});

/**
 * What `printSource` did before it printed once: print, parse back, and run
 * the TypeScript formatter over the whole file. Printing must still give
 * these bytes for every shape of text the targets hand it.
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

  it('refuses a list whose last item may end in a comment: ts-morph can then leave out the comma before it', () => {
    const parameters = [{ name: 'a' }, { name: 'b', type: '{\n  a: ,/*;\n}T' }];
    const statements: StatementStructures[] = [{ kind: StructureKind.Function, name: 'f', parameters, statements: [] }];
    expect(printedByTsMorph(statements)).toContain('function f(a b: {');
    expect(() => printSource('file.ts', statements)).toThrow('cannot put a comma after');
    expect(printSource('file.ts', [{ ...statements[0]!, parameters: [parameters[1]!] } as StatementStructures]).contents).toBe(printedByTsMorph([{ ...statements[0]!, parameters: [parameters[1]!] } as StatementStructures]));
  });
});

/** The catalogs the targets' tests generate from, this repository's spec, and one of hostile spec text. */
function catalogs(): Array<[string, Catalog]> {
  const fixtures = path.join(REPO, 'packages/generator');
  const hostile = starterCatalog({ scope: '@pay', service: 'pay', name: 'Pay', title: 'Pay | ments\n*/ `${x}` \\', locales: ['en'], wireFormat: 'problem-details' });
  hostile.service.codes!.InvalidRequest!.message = { en: 'It is `invalid`: {reason}. */ \u202E "quoted" \\ \'single\' ${reason} // not a comment' };
  const loaded = loadCatalogFromTexts([
    { file: 'errcat.yaml', text: emitSpecYaml(hostile.settings, 'schema.json') },
    { file: 'pay.yaml', text: emitSpecYaml(hostile.service, 'schema.json') },
  ]);
  const base: Array<[string, Catalog]> = [
    ['this repository', loadSpecDir(path.join(REPO, 'spec'))],
    ['codes/small', loadSpecDir(path.join(fixtures, 'src/targets/codes/__fixtures__/small'))],
    ['error-bodies/edge', loadSpecDir(path.join(fixtures, 'src/targets/shared/error-bodies/__fixtures__/edge'))],
    ['every-field', loadSpecDir(path.join(fixtures, 'test/fixtures/every-field'))],
    ['hostile text', loaded.catalog ?? fail(loaded.diagnostics)],
  ];
  return base.flatMap(([name, catalog]) => [
    [`${name}, enums`, { ...catalog, settings: { ...catalog.settings, enumStyle: 'enum' } }],
    [`${name}, const objects`, { ...catalog, settings: { ...catalog.settings, enumStyle: 'const-object' } }],
  ]);
}

function fail(diagnostics: unknown): never {
  throw new Error(`the hostile spec did not load: ${JSON.stringify(diagnostics)}`);
}

describe('every TypeScript file the targets generate', () => {
  const files = catalogs().flatMap(([name, catalog]) => {
    printed.length = 0;
    generateAll(Object.values(TARGETS), fixtureInput(catalog));
    return printed.map((file) => [`${name}: ${file.path}`, file] as const);
  });

  it('are many', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files)('%s is printed as ts-morph prints it', (_name, file) => {
    expect(file.contents).toBe(printedByTsMorph(file.statements));
  });
});

// Text the printer's writer may read differently from TypeScript: quotes and
// backslashes (escaped or escaping), backticks, comment marks, template
// marks, braces, trailing spaces, blank lines. Left out: control characters
// (the old printer's marks) and a slash on its own, which the writer may read
// as starting a regular expression; where it then read one as ending
// depended on the old printer's marks.
const tricky = fc.oneof(
  { arbitrary: fc.string({ maxLength: 6 }).filter((text) => !/[\u0000-\u0008\u000b-\u001f/]/.test(text)), weight: 3 },
  fc.constantFrom('"', "'", '\\', '\\"', '//', '/*', '*/', '/**', '`', '${', '}', '{', ' ', '\n', '\n\n', ' \n', '\t', '*', '@', '\r\n'),
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

/** Text for a type or initializer: what the targets build, or anything. */
const code = fc.oneof(
  trickyText,
  data.map((value) => dataLiteral({ padding: 'x'.repeat(90), value })),
  fc.array(trickyText, { maxLength: 25 }).map((members) => unionType(members.map(quote))),
  fc.tuple(trickyText, fc.nat(20)).map(([raw, lines]) => `{\n  a: ${raw};\n${'  b: 1;\n'.repeat(lines)}}`),
);
/** Text that ends in a token, as an item with a comma after it must; some of it may end in a comment, which is refused. */
const item = fc.oneof({ arbitrary: code.filter((text) => !/['`]|\/[/*]/.test(text)), weight: 9 }, code).map((text) => `${text}T`);
const name = fc.constantFrom('a', 'B', 'value', '$x', '_y1');
const docs = fc.array(fc.oneof(trickyText, trickyText.map((description) => ({ description }))), { maxLength: 2 });
const writerFunction = trickyText.map((text): WriterFunction => (writer) => {
  writer.write('{').indent(() => {
    writer.writeLine(jsDocBlock(text));
    writer.writeLine(`a: ${quote(text)},`);
  });
  writer.write('} as const');
});
const typeParameters = fc.array(fc.record({ name, constraint: fc.option(item, { nil: undefined }), default: fc.option(item, { nil: undefined }) }), { maxLength: 2 });
const parameters = fc.array(fc.record({ name, type: fc.option(item, { nil: undefined }), hasQuestionToken: fc.boolean() }), { maxLength: 3 });
const body = fc.array(trickyText, { maxLength: 3 });
const flags = { isExported: fc.boolean() };

const statement: fc.Arbitrary<StatementStructures> = fc.oneof(
  fc.record({ kind: fc.constant(StructureKind.TypeAlias), name, docs, type: code, typeParameters, ...flags }),
  fc.record({
    kind: fc.constant(StructureKind.VariableStatement),
    declarationKind: fc.constant(VariableDeclarationKind.Const),
    hasDeclareKeyword: fc.boolean(),
    docs,
    declarations: fc.oneof(
      fc.tuple(fc.record({ name, type: fc.option(code, { nil: undefined }), initializer: fc.option(fc.oneof(code, writerFunction), { nil: undefined }) })),
      fc.array(fc.record({ name, type: item }), { minLength: 2, maxLength: 3 }),
    ),
    ...flags,
  }),
  fc.record({
    kind: fc.constant(StructureKind.Interface),
    name,
    docs,
    typeParameters,
    extends: fc.array(trickyText, { maxLength: 2 }),
    properties: fc.array(fc.record({ name, docs, type: fc.option(code, { nil: undefined }), isReadonly: fc.boolean(), hasQuestionToken: fc.boolean() }), { maxLength: 3 }),
    indexSignatures: fc.array(fc.record({ keyName: name, keyType: fc.constantFrom('string', 'number'), returnType: code, isReadonly: fc.boolean() }), { maxLength: 1 }),
    ...flags,
  }),
  fc.record({
    kind: fc.constant(StructureKind.Enum),
    name,
    docs,
    members: fc.array(fc.record({ name, docs, initializer: fc.option(fc.oneof(trickyText.map(quote), code), { nil: undefined }) }), { maxLength: 20 }),
    ...flags,
  }),
  fc.record({ kind: fc.constant(StructureKind.Function), name, docs, typeParameters, parameters, returnType: fc.option(code, { nil: undefined }), statements: body, ...flags }),
  fc.record({
    kind: fc.constant(StructureKind.Class),
    name,
    docs,
    extends: fc.option(trickyText, { nil: undefined }),
    properties: fc.array(fc.record({ name, docs, isStatic: fc.boolean(), isReadonly: fc.boolean(), type: fc.option(code, { nil: undefined }), initializer: fc.option(code, { nil: undefined }) }), { maxLength: 2 }),
    ctors: fc.array(fc.record({ parameters, statements: body }), { maxLength: 1 }),
    methods: fc.array(fc.record({ name, docs, isStatic: fc.boolean(), parameters, returnType: fc.option(code, { nil: undefined }), statements: body }), { maxLength: 2 }),
    ...flags,
  }),
  fc.record({ kind: fc.constant(StructureKind.ImportDeclaration), moduleSpecifier: trickyText, isTypeOnly: fc.boolean(), namedImports: fc.array(fc.oneof(name, fc.record({ name, isTypeOnly: fc.boolean() })), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant(StructureKind.ExportDeclaration), moduleSpecifier: fc.option(trickyText, { nil: undefined }), isTypeOnly: fc.boolean(), namedExports: fc.array(fc.oneof(name, fc.record({ name, isTypeOnly: fc.boolean() })), { maxLength: 3 }) }),
) as fc.Arbitrary<StatementStructures>;

describe('printSource on random structures', () => {
  it('prints them as ts-morph prints them', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 6 }), (statements) => {
        let contents: string;
        try {
          contents = printSource('file.ts', statements).contents;
        } catch (error) {
          // Refused, not misprinted: an item of a list of several that may end in a comment.
          expect(String(error)).toContain('cannot put a comma after');
          refused++;
          return;
        }
        expect(contents).toBe(printedByTsMorph(statements));
      }),
      { numRuns: 1000 },
    );
    expect(refused).toBeLessThan(100);
  });
});

describe('readsPlainly', () => {
  // It reads state code-block-writer keeps to itself: a version that renamed
  // it would make every text go through the writer (right, but slow).
  it('sees the writer outside any string or comment, and inside an open string, template or comment', () => {
    expect(readsPlainly(new CodeBlockWriter())).toBe(true);
    expect(readsPlainly(new CodeBlockWriter().write('const a = 1;').newLine())).toBe(true);
    expect(readsPlainly(new CodeBlockWriter().write('const a = "open'))).toBe(false);
    expect(readsPlainly(new CodeBlockWriter().write('const a = `open'))).toBe(false);
    expect(readsPlainly(new CodeBlockWriter().write('/* open'))).toBe(false);
  });
});

describe('isPlainText', () => {
  // What the printer relies on when it places a text instead of writing it:
  // the writer, indented, would have written it unchanged but for the indent.
  // (Placed as the printer places it: within an indented line, and only
  // text without white space before a line break or at the end.)
  const written = (text: string) => {
    const writer = new CodeBlockWriter({ indentNumberOfSpaces: 2 });
    writer.write('{').indent(() => writer.write(`a = ${text}`));
    return writer.toString();
  };
  const placed = (text: string) => `{\n  a = ${text.replace(/\n(?!\n)/g, '\n  ')}`;

  it('holds only for text the writer writes as it is, each line indented', () => {
    let plain = 0;
    fc.assert(
      fc.property(fc.oneof(trickyText, code, data.map((value) => dataLiteral(value))), (text) => {
        if (/\s$|[ \t]\n/.test(text) || !isPlainText(text)) return;
        plain++;
        expect(written(text)).toBe(placed(text));
      }),
      { numRuns: 2000 },
    );
    expect(plain).toBeGreaterThan(500);
  });

  it('turns down the strings and comments the writer reads otherwise', () => {
    for (const text of ['"a\\\\"', '"open', "'single'", '`template`', '/* comment */', '/** a */*', 'a // b', '"a\nb"', 'a\n']) {
      expect(isPlainText(text), text).toBe(false);
    }
    for (const text of ['"a"', '"a\\"b"', '{ a: "b", c: ["d", 1] }', '/** doc */\nconst a = 1']) expect(isPlainText(text), text).toBe(true);
  });
});
