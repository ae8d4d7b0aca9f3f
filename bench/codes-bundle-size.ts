// Bundle size of @azure-errors/codes as an application pays for it: esbuild,
// minified, ESM, for one enum alone and for the whole package.
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

const sizes: Array<{ case: string; minified: number; gzip: number }> = [];
for (const [name, contents] of cases) {
  const result = await build({
    stdin: { contents, resolveDir: here, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]!.contents;
  sizes.push({ case: name, minified: bytes.length, gzip: gzipSync(bytes).length });
}

const whole = sizes[sizes.length - 1]!;
console.log('@azure-errors/codes bundle size (esbuild --bundle --minify, ESM)');
console.table(sizes.map((entry) => ({ ...entry, 'share of whole': `${((entry.minified / whole.minified) * 100).toFixed(1)}%` })));
const enumOnly = sizes[0]!;
console.log(`whole package / BatchErrorCode alone: ${(whole.minified / enumOnly.minified).toFixed(1)}× minified, ${(whole.gzip / enumOnly.gzip).toFixed(1)}× gzip`);
