// Bundle size of @azure-errors/codes as an application pays for it: esbuild,
// minified, ESM, for one enum alone and for the whole package; and what a
// browser pays to read answers back (`@azure-errors/codes/client`, bundled
// for the browser platform, which fails on any Node built-in).
// Run: pnpm --filter errcat-bench run bench:codes-size (after building packages/codes).

import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

const cases = [
  ['import { BatchErrorCode }', 'import { BatchErrorCode } from "@azure-errors/codes"; console.log(BatchErrorCode.PoolNotFound);'],
  ['import { isBatchErrorCode }', 'import { isBatchErrorCode } from "@azure-errors/codes"; console.log(isBatchErrorCode("PoolNotFound"));'],
  ['import { BatchError }', 'import { BatchError } from "@azure-errors/codes"; console.log(new BatchError({ code: "PoolNotFound" }));'],
  ['import * (whole package)', 'import * as codes from "@azure-errors/codes"; console.log(codes);'],
] as const;

const clientCases = [
  ['browser: parseBatchError', 'import { parseBatchError } from "@azure-errors/codes/client"; console.log(parseBatchError("{}"));'],
  ['browser: batchErrorFromResponse', 'import { batchErrorFromResponse } from "@azure-errors/codes/client"; batchErrorFromResponse(await fetch("/")).then(console.log);'],
  ['browser: mlStudioErrorFromResponse', 'import { mlStudioErrorFromResponse } from "@azure-errors/codes/client"; mlStudioErrorFromResponse(await fetch("/")).then(console.log);'],
  ['browser: import * from /client', 'import * as client from "@azure-errors/codes/client"; console.log(client);'],
] as const;

const sizes: Array<{ case: string; minified: number; gzip: number }> = [];
for (const [name, contents, platform] of [...cases.map(([name, contents]) => [name, contents, 'neutral'] as const), ...clientCases.map(([name, contents]) => [name, contents, 'browser'] as const)]) {
  const result = await build({
    stdin: { contents, resolveDir: here, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]!.contents;
  sizes.push({ case: name, minified: bytes.length, gzip: gzipSync(bytes).length });
}

const whole = sizes.find((entry) => entry.case === 'import * (whole package)')!;
console.log('@azure-errors/codes bundle size (esbuild --bundle --minify, ESM)');
console.table(sizes.map((entry) => ({ ...entry, 'share of whole': `${((entry.minified / whole.minified) * 100).toFixed(1)}%` })));
const enumOnly = sizes[0]!;
console.log(`whole package / BatchErrorCode alone: ${(whole.minified / enumOnly.minified).toFixed(1)}× minified, ${(whole.gzip / enumOnly.gzip).toFixed(1)}× gzip`);
