// Part of the build: the CLI's own modules, compiled by tsc into some fifty
// small files under dist/, bundled into dist/bin/ as a few ES modules, so that
// each start of `errcat` reads a few files instead of a module graph; each
// command stays in chunks of its own, loaded when it runs. Packages stay
// external: what a user installs is the same either way. dist/ itself stays
// as tsc wrote it, the package's library entry (`import … from 'errcat'`).
//
// The bundle sits two folders deep like every module under dist/, so the
// paths it finds from its own location (the package's package.json,
// templates/, schema/) are the same; what the build precompiles (the spec
// validator, errcat's own templates: every *.gen.js) is loaded from next to
// the module that asks for it, so each is copied next to the chunks. So
// everything the CLI runs is in dist/bin/, which is what `generate`'s record
// fingerprints of errcat's code (src/writer/fingerprint.ts).
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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
const precompiled = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.gen.js') && file.split(/[\\/]/)[0] !== 'bin');
const names = precompiled.map((file) => file.split(/[\\/]/).at(-1));
if (new Set(names).size !== names.length) throw new Error(`two precompiled files share a name, and would share one place next to the bundle: ${precompiled.join(', ')}`);
for (const [index, file] of precompiled.entries()) copyFileSync(new URL(file, dist), new URL(names[index], outdir));
