import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compile, generate, loadSpecDir, materialize, PACKAGE_DIR, REPO, withEnumStyle } from './__fixtures__/harness.js';

const SMALL = path.join(import.meta.dirname, '__fixtures__/small');
const SNAPSHOTS = path.join(import.meta.dirname, '__snapshots__');
const STYLES = ['enum', 'const-object'] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((entry) => statSync(path.join(dir, entry)).isFile())
    .map((entry) => entry.split(path.sep).join('/'))
    .sort();
}

describe.each(STYLES)('the small spec with %s enums', (style) => {
  const files = generate(withEnumStyle(loadSpecDir(SMALL), style));
  const golden = path.join(SNAPSHOTS, `small-${style}`);

  it.each(files.map((file) => [path.posix.relative(PACKAGE_DIR, file.path), file.contents]))('matches the golden %s', async (relative, contents) => {
    await expect(contents).toMatchFileSnapshot(path.join(golden, relative));
  });

  it('leaves no golden file that it no longer generates', () => {
    const produced = files.map((file) => path.posix.relative(PACKAGE_DIR, file.path)).sort();
    expect(filesUnder(golden).filter((file) => !produced.includes(file))).toEqual([]);
  });

  it('has no doubled blank lines or trailing spaces before any formatter', () => {
    for (const file of files) {
      expect(file.contents, file.path).not.toMatch(/\n\n\n/);
      expect(file.contents, file.path).not.toMatch(/[ \t]+\n/);
    }
  });

  it('compiles under its own tsconfig', async () => {
    const { dir, dispose } = await materialize(files);
    try {
      expect(compile(dir)).toEqual([]);
    } finally {
      await dispose();
    }
  });

  it('passes the type tests: params, categories, variants, locales and bodies are checked by the compiler', () => {
    const fixture = path.join(import.meta.dirname, '__fixtures__/small-types.ts');
    const source = readFileSync(fixture, 'utf8').replace('__snapshots__/small-enum/', `__snapshots__/small-${style}/`);
    expect(typeCheck(fixture, source)).toEqual([]);
  });
});

/** Type-checks one file (given as text) with the generator's compiler options. */
function typeCheck(fileName: string, text: string): string[] {
  const configPath = path.join(REPO, 'packages/generator/tsconfig.json');
  const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, path.dirname(configPath));
  const options = { ...parsed.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, ...rest) =>
    path.resolve(name) === fileName ? ts.createSourceFile(name, text, languageVersion, true) : getSourceFile(name, languageVersion, ...rest);
  const program = ts.createProgram({ rootNames: [fileName], options, host });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const at = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    return at ? `${path.basename(diagnostic.file!.fileName)}:${at.line + 1} ${message}` : message;
  });
}
