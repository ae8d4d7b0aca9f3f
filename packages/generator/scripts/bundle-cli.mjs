// Part of the build: the CLI's own modules, compiled by tsc into some fifty
// small files under dist/, bundled into dist/bin/ as a few ES modules, so that
// each start of `errcat` reads a few files instead of a module graph; each
// command stays in chunks of its own, loaded when it runs. Packages stay
// external: what a user installs is the same either way. dist/ itself stays
// as tsc wrote it, the package's library entry (`import … from 'errcat'`).
//
// The bundle sits two folders deep like every module under dist/, so the
// paths it finds from its own location (the package's package.json,
// templates/, schema/) are the same; the precompiled spec validator is loaded
// from next to the module that asks for it, so it is copied next to the chunks.
import { copyFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PRECOMPILED_FILE } from '../dist/load/spec-validator.js';

const dist = new URL('../dist/', import.meta.url);
const outdir = new URL('bin/', dist);
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: fileURLToPath(new URL('cli/main.js', dist)) },
  outdir: fileURLToPath(outdir),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  chunkNames: 'chunk-[hash]',
  // Readable as tsc wrote it: a crash report's stack trace names real functions.
  minify: false,
  logLevel: 'warning',
});
copyFileSync(new URL(`load/${PRECOMPILED_FILE}`, dist), new URL(PRECOMPILED_FILE, outdir));
