// The real catalog's package, built and imported the way users get it.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../load/load-catalog.js';
import { compile, generate, materialize, REPO } from './__fixtures__/harness.js';

type Codes = Record<string, any>;

let dir: string;
let dispose: () => Promise<void>;
let codes: Codes;

beforeAll(async () => {
  const { catalog } = await loadCatalog(path.join(REPO, 'spec'), (file) => file);
  ({ dir, dispose } = await materialize(generate(catalog!)));
  expect(compile(dir, { emit: true })).toEqual([]);
  codes = await import(path.join(dir, 'dist/index.js'));
});
afterAll(() => dispose?.());

describe('the built package', () => {
  it('answers with the ML Studio body, x-ms-error-code and the negotiated locale', () => {
    const error = new codes.MlStudioError({ category: 'Unauthorized', code: codes.MlStudioErrorCode.ScoreRequestUnauthorized });
    expect(JSON.stringify(error)).toBe(
      '{"error":{"code":"Unauthorized","message":"Request is unauthorized to access resource.","details":[{"code":"ScoreRequestUnauthorized","message":"Invalid credentials provided."}]}}',
    );
    const response = codes.errorResponse(error, { acceptLanguage: 'fr-CA, en;q=0.5' });
    expect(response.status).toBe(401);
    expect(response.headers['x-ms-error-code']).toBe('Unauthorized');
    expect(response.headers['content-language']).toBe('fr');
  });

  it('falls back to the category message for codes without their own', () => {
    const error = new codes.MlStudioError({ category: codes.MlStudioCategory.InternalError, code: codes.MlStudioErrorCode.UnknownError });
    expect(error.toBody('ko').error.details[0].message).toBe(error.toBody('ko').error.message);
    expect(error.status).toBe(500);
  });

  it('answers ConditionNotMet with the status of the chosen variant', () => {
    expect(new codes.BatchError({ code: codes.BatchErrorCode.ConditionNotMet }).status).toBe(304);
    expect(new codes.BatchError({ code: codes.BatchErrorCode.ConditionNotMet, variant: 'write' }).status).toBe(412);
  });

  it('carries every service failure as catalog data', () => {
    expect(codes.mlStudioCatalog.failures.notFound).toEqual({ kind: 'category', category: 'NotFound' });
    expect(JSON.stringify(codes.MlStudioError.failure('notFound'))).toBe('{"error":{"code":"NotFound","message":"Resource not found."}}');
    expect(codes.BatchError.failure('bodyTooLarge').code).toBe('RequestBodyTooLarge');
  });

  it('serializes scheduling errors with their lowercase category', () => {
    const error = new codes.BatchSchedulingError({ code: codes.BatchSchedulingErrorCode.BlobNotFound, details: [{ name: 'BlobSource', value: 'https://a/b' }] });
    expect(JSON.stringify(error)).toBe(
      '{"category":"usererror","code":"BlobNotFound","message":"One of the specified Azure Blob(s) is not found.","details":[{"name":"BlobSource","value":"https://a/b"}]}',
    );
  });

  it('guards values read off the wire', () => {
    expect([codes.isBatchErrorCode('PoolNotFound'), codes.isBatchErrorCode('poolnotfound'), codes.isBatchErrorCode(42)]).toEqual([true, false, false]);
    expect(codes.isMlStudioCategory('BadArgument')).toBe(true);
    expect(codes.isMlStudioErrorCode('BadArgument')).toBe(false);
    expect(codes.isBatchSchedulingErrorCode('DiskFull')).toBe(true);
  });

  it('keeps catalog data JSON-serializable', () => {
    for (const catalog of [codes.mlStudioCatalog, codes.batchCatalog, codes.batchSchedulingCatalog]) {
      expect(JSON.parse(JSON.stringify(catalog))).toEqual(catalog);
    }
  });
});

describe('reading answers back (client)', () => {
  const SETS = [
    ['MlStudio', 'mlStudio'],
    ['Batch', 'batch'],
    ['BatchScheduling', 'batchScheduling'],
  ] as const;

  it('parses every code of every set in every locale, natively and as problem details, and agrees with the full catalog', async () => {
    const { parseError } = (await import(path.join(REPO, 'packages/runtime/dist/client/index.js'))) as { parseError: (set: unknown, body: unknown, options?: unknown) => unknown };
    let checked = 0;
    for (const [prefix, camel] of SETS) {
      const catalog = codes[`${camel}Catalog`];
      const parse = codes[`parse${prefix}Error`] as (body: unknown, options?: unknown) => Record<string, unknown>;
      const http = catalog.wireFormat !== 'batch-scheduling';
      for (const [key, code] of Object.entries<any>(catalog.codes)) {
        for (const variant of code.variants ?? [undefined]) {
          const params = Object.fromEntries(code.params.map((param: { name: string; type: string }) => [param.name, param.type === 'string' ? 'v' : 1]));
          const error = new codes[`${prefix}Error`]({ category: code.category, code: code.name, variant: variant?.when, params });
          for (const locale of catalog.locales) {
            for (const problem of http ? [false, true] : [false]) {
              const answer = http ? codes.errorResponse(error, { acceptLanguage: locale, problem }) : { body: error.toBody(locale), status: undefined, headers: {} };
              if (answer.status === 304) continue; // a 304 carries no body
              const options = { status: answer.status, headers: answer.headers };
              const result = parse(JSON.stringify(answer.body), options);
              expect(result, `${key} ${locale}${problem ? ' problem' : ''}`).toMatchObject({ kind: 'catalog', key, code: code.name, category: code.category, status: error.status, message: error.messageIn(locale) });
              if (http) expect(result.locale).toBe(locale);
              expect(parseError(catalog, JSON.stringify(answer.body), options)).toEqual(result);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('bundles for the browser with no Node built-in, no messages and no server runtime', async () => {
    const result = await build({
      stdin: { contents: 'export { parseMlStudioError, batchErrorFromResponse, parseBatchSchedulingError } from "./dist/client.js";', resolveDir: dir },
      bundle: true,
      minify: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      charset: 'utf8',
      logLevel: 'silent',
    });
    const text = result.outputFiles[0]!.text;
    for (const absent of ['Invalid argument provided.', 'The specified pool does not exist.', 'Negotiator', 'node:']) expect(text.includes(absent), absent).toBe(false);
    expect(text.includes('PoolNotFound')).toBe(true);
  });
});

/** A Chromium to run the browser test in (`ERRCAT_CHROMIUM`, as for the docs page's test, else a system one); CI installs one (.ci/run), elsewhere the test is skipped when there is none. */
const CHROMIUM = process.env.ERRCAT_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((candidate) => existsSync(candidate));

describe.skipIf(CHROMIUM === undefined && !process.env.CI)('in a real browser', () => {
  it('reads a body, a fetch Response of problem details and a proxy’s HTML 502 in headless Chromium', async () => {
    const script = [
      'import { parseMlStudioError, batchErrorFromResponse, MlStudioErrorCode } from "./dist/client.js";',
      'const studio = parseMlStudioError(\'{"error":{"code":"BadArgument","message":"Argument non valide fourni.","details":[{"code":"BlobNotFound","message":"…"}]}}\', { status: 400, headers: new Headers({ "content-language": "fr" }) });',
      'const problem = await batchErrorFromResponse(new Response(\'{"type":"about:blank","title":"Not Found","status":404,"detail":"The specified pool does not exist.","code":"PoolNotFound"}\', { status: 404, headers: { "content-type": "application/problem+json" } }));',
      'const html = await batchErrorFromResponse(new Response("<html>Bad Gateway</html>", { status: 502, headers: { "content-type": "text/html" } }));',
      'const pick = (result) => ({ kind: result.kind, key: result.key, status: result.status, locale: result.locale, reason: result.reason });',
      'document.getElementById("out").textContent = JSON.stringify({ node: typeof process, narrowed: studio.code === MlStudioErrorCode.BlobNotFound, results: [studio, problem, html].map(pick) });',
    ].join('\n');
    const bundled = await build({ stdin: { contents: script, resolveDir: dir, loader: 'js' }, bundle: true, minify: true, write: false, format: 'esm', platform: 'browser', target: 'es2022', logLevel: 'silent' });
    const page = path.join(dir, 'client.html');
    await writeFile(page, `<!doctype html><meta charset="utf-8"><pre id="out">not run</pre><script type="module">${bundled.outputFiles[0]!.text}</script>`);
    expect(CHROMIUM, 'CI runs this in Chromium: install it (apt-get install chromium)').toBeDefined();
    const { stdout } = await promisify(execFile)(CHROMIUM!, ['--headless', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=10000', '--dump-dom', pathToFileURL(page).href], { timeout: 60_000 });
    const out = /<pre id="out">([^<]*)<\/pre>/.exec(stdout)?.[1]?.replaceAll('&quot;', '"').replaceAll('&amp;', '&');
    expect(JSON.parse(out ?? 'null')).toEqual({
      node: 'undefined',
      narrowed: true,
      results: [
        { kind: 'catalog', key: 'BadArgument/BlobNotFound', status: 400, locale: 'fr' },
        { kind: 'catalog', key: 'PoolNotFound', status: 404 },
        { kind: 'foreign', status: 502, reason: 'content-type' },
      ],
    });
  });
});

describe('two copies of the package', () => {
  it('recognise each other’s errors with instanceof', async () => {
    const copy = `${dir}-copy`;
    await cp(dir, copy, { recursive: true, verbatimSymlinks: true });
    try {
      const other: Codes = await import(path.join(copy, 'dist/index.js'));
      expect(other.MlStudioError).not.toBe(codes.MlStudioError);
      const error = new other.MlStudioError({ category: 'NotFound' });
      expect(error instanceof codes.MlStudioError).toBe(true);
      expect(error instanceof codes.CatalogError).toBe(true);
      expect(error instanceof codes.BatchError).toBe(false);
      expect(codes.isCatalogError(error)).toBe(true);
      expect(codes.toHttpError(error, codes.mlStudioCatalog)).toBe(error);
      // An error of another service is no answer of this one.
      expect(codes.toHttpError(error, codes.batchCatalog).code).toBe('InternalError');
    } finally {
      await import('node:fs/promises').then(({ rm }) => rm(copy, { recursive: true, force: true }));
    }
  });
});

describe('packaging', () => {
  it('passes publint', async () => {
    const { messages } = await publint({ pkgDir: dir, level: 'suggestion', strict: true });
    expect(messages).toEqual([]);
  });

  it('passes are-the-types-wrong for ESM consumers', async () => {
    const attw = path.join(REPO, 'packages/generator/node_modules/.bin/attw');
    const { stdout } = await promisify(execFile)(attw, ['--pack', dir, '--profile', 'esm-only', '--format', 'json'], { cwd: dir }).catch((error: { stdout: string }) => error);
    const report = JSON.parse(stdout) as { analysis: { problems: unknown[] }; problems?: unknown[] };
    const esmProblems = report.analysis.problems.filter((problem) => !/node10|node16-cjs/.test(JSON.stringify(problem)));
    expect(esmProblems).toEqual([]);
  });

  it('keeps messages out of a bundle that imports only an enum', async () => {
    const bundle = async (code: string) => {
      const entry = path.join(dir, `entry-${Math.random().toString(36).slice(2)}.js`);
      await writeFile(entry, code);
      const result = await build({ entryPoints: [entry], bundle: true, minify: true, write: false, format: 'esm', platform: 'neutral', charset: 'utf8', logLevel: 'silent' });
      return result.outputFiles[0]!.text;
    };
    const enumOnly = await bundle('import { BatchErrorCode, MlStudioCategory } from "./dist/index.js"; console.log(BatchErrorCode.PoolNotFound, MlStudioCategory.NotFound);');
    const whole = await bundle('import * as codes from "./dist/index.js"; console.log(codes);');
    for (const message of ['The specified pool does not exist.', 'Argument non valide fourni.', '잘못된 인수가 제공되었습니다.', '提供的引數無效。']) {
      expect(enumOnly.includes(message), `enum-only bundle holds ${message}`).toBe(false);
      expect(whole.includes(message), `whole bundle holds ${message}`).toBe(true);
    }
    expect(enumOnly.includes('PoolNotFound')).toBe(true);
    expect(enumOnly.length * 5).toBeLessThan(whole.length);
  });
});
