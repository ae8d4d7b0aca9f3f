// Every string of the spec survives generate → compile → import byte for
// byte: quotes, backslashes, `*/`, `${`, backticks, line breaks, U+2028,
// emoji, right-to-left text, lone surrogates.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../model/catalog.js';
import { generate, link, loadSpecDir, PACKAGE_DIR, REPO } from './__fixtures__/harness.js';

const SMALL = loadSpecDir(path.join(import.meta.dirname, '__fixtures__/small'));
const FRAGMENTS = ['"', "'", '\\', '*/', '/*', '${', '`', '\n', '\r\n', '\r', '\u2028', '\u2029', '😀', '👩🏽‍💻', 'مرحبا بالعالم', 'שלום', '\u202e', '\0', '\ud800', '{', '}', '{0}', '@param', '</script>', ' '];
const text = fc
  .array(fc.oneof(fc.string({ unit: 'binary', minLength: 1 }), fc.constantFrom(...FRAGMENTS)), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.join(''))
  .filter((value) => value.trim() !== '');

/** Braces doubled: how a literal `{` is written in a message template. */
const asTemplate = (value: string) => value.replace(/[{}]/g, '$&$&');

interface Texts {
  categoryMessage: string;
  codeMessage: string;
  variantMessage: string;
  embeddedMessage: string;
  paramDescription: string;
  title: string;
}

/** The small catalog with spec text replaced (messages as templates). */
function withTexts(texts: Texts): Catalog {
  const catalog = structuredClone(SMALL) as { -readonly [K in keyof Catalog]: any };
  const studio = catalog.services.find((service: { id: string }) => service.id === 'studio');
  const jobs = catalog.services.find((service: { id: string }) => service.id === 'jobs');
  studio.title = texts.title;
  const badArgument = studio.categories.find((category: { name: string }) => category.name === 'BadArgument');
  badArgument.message = { en: asTemplate(texts.categoryMessage), fr: asTemplate(texts.categoryMessage) };
  const blob = studio.codes.find((code: { key: string }) => code.key === 'BadArgument/BlobNotFound');
  blob.message = { en: `${asTemplate(texts.codeMessage)}{0}`, fr: `{1}${asTemplate(texts.codeMessage)}` };
  blob.params[0].description = texts.paramDescription;
  const condition = jobs.codes.find((code: { key: string }) => code.key === 'ConditionNotMet');
  condition.variants[1].message = { en: asTemplate(texts.variantMessage) };
  jobs.embedded.codes[0].message = { en: asTemplate(texts.embeddedMessage) };
  return catalog as Catalog;
}

const root = mkdtemp(path.join(os.tmpdir(), 'errcat-strings-')).then(async (dir) => {
  await link(dir, '@errcat/runtime', path.join(REPO, 'packages/runtime'));
  return dir;
});
afterAll(async () => rm(await root, { recursive: true, force: true }));
let runs = 0;

/** Generates, compiles every TypeScript file (syntax errors fail), writes the JavaScript and imports it. */
async function build(catalog: Catalog): Promise<Record<string, any>> {
  const dir = path.join(await root, `run-${runs++}`);
  for (const file of generate(catalog)) {
    const relative = path.relative(PACKAGE_DIR, file.path);
    if (!relative.endsWith('.ts')) continue;
    const output = ts.transpileModule(file.contents, {
      fileName: relative,
      reportDiagnostics: true,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
    });
    expect(output.diagnostics?.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')), relative).toEqual([]);
    const target = path.join(dir, relative.replace(/\.ts$/, '.js'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, output.outputText);
  }
  return import(path.join(dir, 'src/index.js'));
}

async function survives(texts: Texts): Promise<void> {
  const codes = await build(withTexts(texts));
  const blob = codes.studioCatalog.codes['BadArgument/BlobNotFound'];
  expect(blob.params[0].description).toBe(texts.paramDescription);
  expect(blob.message.en).toBe(`${asTemplate(texts.codeMessage)}{0}`);
  const error = new codes.StudioError({ code: 'BlobNotFound', params: { blob: '<b>', retries: 2 } });
  expect(error.message).toBe(`${texts.codeMessage}<b>`);
  expect(error.messageIn('fr')).toBe(`2${texts.codeMessage}`);
  const body = JSON.parse(JSON.stringify(error));
  expect(body.error.message).toBe(texts.categoryMessage);
  expect(body.error.details[0].message).toBe(`${texts.codeMessage}<b>`);
  expect(new codes.JobsError({ code: 'ConditionNotMet', variant: 'write' }).message).toBe(texts.variantMessage);
  expect(codes.formatJobsSchedulingMessage({ code: 'BlobNotFound' })).toBe(texts.embeddedMessage);
}

describe('spec text in the generated package', () => {
  it('survives every awkward fragment at once', async () => {
    const all = FRAGMENTS.join('');
    await survives({ categoryMessage: all, codeMessage: all, variantMessage: all, embeddedMessage: all, paramDescription: all, title: all });
  });

  it('survives control characters before a space at a line end in a doc comment (the printer marks with one)', async () => {
    await survives({ categoryMessage: '"', codeMessage: '\u0000', variantMessage: '\u0000', embeddedMessage: '"', paramDescription: '\u0001\u0000\n\u0000 ', title: '"' });
  });

  it('survives random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ categoryMessage: text, codeMessage: text, variantMessage: text, embeddedMessage: text, paramDescription: text, title: text }), survives),
      { numRuns: 25 },
    );
  });
});
