import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compile, generate, loadSpecDir, materialize, PACKAGE_DIR, REPO, withEnumStyle } from './__fixtures__/harness.js';
import { itMatchesGoldenFiles } from '../shared/__fixtures__/golden-files.js';

const SMALL = path.join(import.meta.dirname, '__fixtures__/small');
const SNAPSHOTS = path.join(import.meta.dirname, '__snapshots__');
const STYLES = ['enum', 'const-object'] as const;

describe.each(STYLES)('the small spec with %s enums', (style) => {
  const files = generate(withEnumStyle(loadSpecDir(SMALL), style));
  const golden = path.join(SNAPSHOTS, `small-${style}`);

  itMatchesGoldenFiles(files, PACKAGE_DIR, golden);

  it('compiles under its own tsconfig', async () => {
    const { dir, dispose } = await materialize(files);
    try {
      expect(compile(dir)).toEqual([]);
    } finally {
      await dispose();
    }
  });

  it('built and run: a problem-details error serializes to its exact body and carries its header name as data', async () => {
    const { dir, dispose } = await materialize(files);
    try {
      expect(compile(dir, { emit: true })).toEqual([]);
      const codes = (await import(path.join(dir, 'dist/index.js'))) as Record<string, any>;
      const error = new codes.LedgerError({ code: 'AccountNotFound', params: { account: 'acme' }, instance: '/accounts/acme' });
      expect(JSON.stringify(error)).toBe(
        '{"type":"https://errors.example.com/ledger/AccountNotFound","title":"Not Found","status":404,"detail":"Account acme does not exist.","instance":"/accounts/acme","code":"AccountNotFound"}',
      );
      expect(error.toBody('fr').detail).toBe('Le compte acme n’existe pas.');
      expect([codes.ledgerCatalog.errorCodeHeader, codes.studioCatalog.errorCodeHeader, codes.jobsCatalog.errorCodeHeader]).toEqual(['x-error-code', 'x-ms-error-code', undefined]);
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
