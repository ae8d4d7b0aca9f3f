// errcat generate vs TypeSpec compiling the equivalent catalog (typespec-catalog.ts)
// to OpenAPI 3 + JSON Schema, on the seed spec and synthetic catalogs of 1,000 and
// 10,000 codes × 4 locales. Every run is a cold child process; errcat and TypeSpec
// alternate round by round and each ratio is taken within a round (median and
// range), since the machine is shared and absolute times drift. Also: errcat
// validate vs TypeSpec --no-emit, and a no-op generate and generate --check vs
// validate. Wall time, CPU (user+sys) and peak memory (max RSS of the child).
// Beside validate, in the same rounds: Node starting and doing nothing, and the
// floor of any validate (validate-floor.mjs: commander and js-yaml loaded, the
// spec parsed), so its absolute goal can be read against what the runtime and
// those two libraries alone cost on the machine at hand.
//
// TypeSpec is installed on demand into a cache folder outside the workspace
// (never by `pnpm install`): ERRCAT_BENCH_CACHE, default ~/.cache/errcat-bench.
// ERRCAT_BIN runs another errcat build. BENCH_ROUNDS sets the rounds (default 5; 3 at 10k). BENCH_SIZES=seed,1000 limits the sizes.
// BENCH_TSP_EXAMPLES=1 gives the TypeSpec program an @opExample per code (see typespec-catalog.ts).

import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from 'errcat';
import { syntheticSpec } from './synthetic-spec.js';
import { typespecCatalog } from './typespec-catalog.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
// ERRCAT_BIN: another build's bin/errcat.js, to compare before and after a change.
const errcatBin = process.env.ERRCAT_BIN ?? path.join(repo, 'packages/generator/bin/errcat.js');
const TYPESPEC = ['@typespec/compiler@1', '@typespec/http@1', '@typespec/openapi@1', '@typespec/openapi3@1', '@typespec/json-schema@1'];
const cacheDir = path.join(process.env.ERRCAT_BENCH_CACHE ?? path.join(homedir(), '.cache', 'errcat-bench'), 'typespec-1');

interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
}

function ensureTypeSpec(): string {
  const cli = path.join(cacheDir, 'node_modules/@typespec/compiler/cmd/tsp.js');
  if (!existsSync(cli)) {
    console.log(`installing TypeSpec into ${cacheDir} (bench only; once)`);
    mkdirSync(cacheDir, { recursive: true });
    if (!existsSync(path.join(cacheDir, 'package.json'))) writeFileSync(path.join(cacheDir, 'package.json'), '{ "private": true }\n');
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', cacheDir, ...TYPESPEC], { stdio: 'inherit' });
  }
  return cli;
}

/** The entry points errcat's own imports of commander and js-yaml load (their `import` condition), found from errcat's package. */
function libraryEntries(): { commander: string; jsYaml: string } {
  const fromErrcat = createRequire(path.resolve(errcatBin, '../../package.json'));
  const entry = (name: string) => {
    // Not every package exports its package.json: its folder is found from its main module, upwards.
    for (let folder = path.dirname(fromErrcat.resolve(name)); path.dirname(folder) !== folder; folder = path.dirname(folder)) {
      const file = path.join(folder, 'package.json');
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; exports?: { '.'?: { import?: string | { default: string } } } };
      if (manifest.name !== name) continue;
      const target = manifest.exports?.['.']?.import;
      if (target === undefined) throw new Error(`${name} has no \`import\` entry point in ${file}`);
      return path.join(folder, typeof target === 'string' ? target : target.default);
    }
    throw new Error(`no package.json of ${name} above ${fromErrcat.resolve(name)}`);
  };
  return { commander: entry('commander'), jsYaml: entry('js-yaml') };
}

// Each child reports its own resource usage on exit, through this preload.
function writePreload(work: string): string {
  const file = path.join(work, 'usage-preload.mjs');
  writeFileSync(file, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify(process.resourceUsage())));\n");
  return file;
}

/**
 * The environment without NODE_EXTRA_CA_CERTS: Node 20 reads and parses that
 * certificate file while it starts, before any script runs. Where it is set
 * (some sandboxes and corporate machines set it for every process) it
 * roughly doubles `node -e 0` (on the machine this was written on, Node 24.22
 * starts as fast with it as without); the validate table shows the figures
 * without it too, so the absolute goal can be read apart from the setting.
 */
function withoutExtraCaCerts(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

function measure(preload: string, work: string, args: string[], cwd: string, expectCode = 0, env: NodeJS.ProcessEnv = process.env): Run {
  const usageFile = path.join(work, 'usage.json');
  rmSync(usageFile, { force: true });
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', preload, ...args], { cwd, encoding: 'utf8', env: { ...env, BENCH_USAGE_FILE: usageFile }, maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - start;
  if (result.status !== expectCode) throw new Error(`${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage;
  return { wallMs, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratioText = (ratios: number[]) => `${median(ratios).toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;

interface Case {
  name: string;
  project: string;
  tsp: string;
  codes: number;
}

async function prepareCase(work: string, name: string, files: Record<string, string> | string): Promise<Case> {
  const project = path.join(work, name, 'errcat');
  const specDir = path.join(project, 'spec');
  mkdirSync(specDir, { recursive: true });
  if (typeof files === 'string') cpSync(files, specDir, { recursive: true, filter: (source) => !source.includes(`${path.sep}sources`) });
  else for (const [file, text] of Object.entries(files)) writeFileSync(path.join(specDir, file), text);
  writeFileSync(path.join(project, 'package.json'), '{ "name": "bench-project", "private": true }\n');
  mkdirSync(path.join(project, 'node_modules'));
  const { catalog, diagnostics } = await loadCatalog(specDir, (file) => file);
  if (!catalog) throw new Error(`bench spec ${name} is invalid: ${diagnostics.map((entry) => entry.message).join('; ')}`);
  const tsp = path.join(work, name, 'typespec');
  mkdirSync(tsp, { recursive: true });
  writeFileSync(path.join(tsp, 'main.tsp'), typespecCatalog(catalog, { examples: process.env.BENCH_TSP_EXAMPLES === '1' }));
  writeFileSync(path.join(tsp, 'tspconfig.yaml'), 'emit:\n  - "@typespec/openapi3"\n  - "@typespec/json-schema"\noutput-dir: "{project-root}/tsp-output"\n');
  symlinkSync(path.join(cacheDir, 'node_modules'), path.join(tsp, 'node_modules'), 'dir');
  const codes = catalog.services.reduce((sum, service) => sum + service.codes.length + (service.embedded?.codes.length ?? 0), 0);
  return { name, project, tsp, codes };
}

async function main(): Promise<void> {
  const tspCli = ensureTypeSpec();
  const work = mkdtempSync(path.join(tmpdir(), 'errcat-bench-generate-'));
  const preload = writePreload(work);
  const sizes = (process.env.BENCH_SIZES ?? 'seed,1000,10000').split(',');
  try {
    const cases: Case[] = [];
    if (sizes.includes('seed')) cases.push(await prepareCase(work, 'seed', path.join(repo, 'spec')));
    for (const size of [1000, 10000]) if (sizes.includes(String(size))) cases.push(await prepareCase(work, `synthetic-${size}`, syntheticSpec(size)));
    const errcatIn = (env: NodeJS.ProcessEnv, kase: Case, ...args: string[]) => measure(preload, work, [errcatBin, ...args], kase.project, 0, env);
    const errcat = (kase: Case, ...args: string[]) => errcatIn(process.env, kase, ...args);
    const libraries = libraryEntries();
    const nodeAlone = (kase: Case, env?: NodeJS.ProcessEnv) => measure(preload, work, ['-e', '0'], kase.project, 0, env);
    const extraCaCerts = process.env.NODE_EXTRA_CA_CERTS !== undefined;
    const envWithoutCa = withoutExtraCaCerts();
    const floor = (kase: Case) => measure(preload, work, [path.join(here, 'validate-floor.mjs'), libraries.commander, libraries.jsYaml, path.join(kase.project, 'spec')], kase.project);
    const cold = (kase: Case) => {
      // A cold generation: no output and no record of one.
      for (const dir of ['packages', 'node_modules/.cache']) rmSync(path.join(kase.project, dir), { recursive: true, force: true });
      return errcat(kase, 'generate');
    };
    const tsp = (kase: Case, ...args: string[]) => {
      rmSync(path.join(kase.tsp, 'tsp-output'), { recursive: true, force: true });
      return measure(preload, work, [tspCli, 'compile', '.', ...args], kase.tsp);
    };
    const rows: string[][] = [];
    const validateRows: string[][] = [];
    const noopRows: string[][] = [];
    // Growth is read within the largest catalog's rounds: each also generates
    // a smaller catalog, cold, next to it (first or second by turns), so the
    // two sizes are compared side by side rather than minutes apart on a
    // machine whose load drifts. The smaller one is the smallest synthetic
    // catalog when there is one, so that the two have the same shape.
    const bySize = [...cases].sort((a, b) => a.codes - b.codes);
    const largest = bySize.at(-1);
    const smaller = bySize.find((kase) => kase !== largest && kase.name.startsWith('synthetic')) ?? bySize.find((kase) => kase !== largest);
    const growth: number[] = [];
    for (const kase of cases) {
      const rounds = Number(process.env.BENCH_ROUNDS ?? (kase.codes > 5000 ? 3 : 5));
      // One warm-up of each, untimed: the disk cache, not the code, is what it warms.
      cold(kase);
      tsp(kase);
      const gen: Run[] = [];
      const spec: Run[] = [];
      const val: Run[] = [];
      const noEmit: Run[] = [];
      const bare: Run[] = [];
      const least: Run[] = [];
      const bareWithoutCa: Run[] = [];
      const valWithoutCa: Run[] = [];
      const noop: Run[] = [];
      const check: Run[] = [];
      for (let round = 0; round < rounds; round++) {
        const generate = () => {
          if (kase !== largest || smaller === undefined) return gen.push(cold(kase));
          // `map` runs the two one after the other, in this order.
          const order = round % 2 === 0 ? [kase, smaller] : [smaller, kase];
          const runs = new Map(order.map((size) => [size, cold(size)]));
          gen.push(runs.get(kase)!);
          return growth.push((runs.get(kase)!.wallMs - runs.get(smaller)!.wallMs) / ((kase.codes - smaller.codes) / 1000));
        };
        const pair = round % 2 === 0 ? [generate, () => spec.push(tsp(kase))] : [() => spec.push(tsp(kase)), generate];
        for (const step of pair) step();
        bare.push(nodeAlone(kase));
        least.push(floor(kase));
        val.push(errcat(kase, 'validate'));
        if (extraCaCerts) {
          bareWithoutCa.push(nodeAlone(kase, envWithoutCa));
          valWithoutCa.push(errcatIn(envWithoutCa, kase, 'validate'));
        }
        noEmit.push(tsp(kase, '--no-emit'));
        // Nothing to do: the cold run recorded its inputs as the next run reads them.
        noop.push(errcat(kase, 'generate'));
        check.push(errcat(kase, 'generate', '--check'));
      }
      const ratio = (a: Run[], b: Run[], key: keyof Run = 'wallMs') => a.map((run, index) => run[key] / b[index]![key]);
      const label = `${kase.name} (${kase.codes.toLocaleString('en-US')} codes)`;
      rows.push([
        label,
        seconds(median(gen.map((run) => run.wallMs))),
        seconds(median(spec.map((run) => run.wallMs))),
        ratioText(ratio(gen, spec)),
        ratioText(ratio(gen, spec, 'cpuMs')),
        `${median(gen.map((run) => run.maxRssMb)).toFixed(0)} MiB`,
        `${median(spec.map((run) => run.maxRssMb)).toFixed(0)} MiB`,
      ]);
      validateRows.push([
        label,
        seconds(median(val.map((run) => run.wallMs))),
        seconds(median(noEmit.map((run) => run.wallMs))),
        ratioText(ratio(val, noEmit)),
        `${median(val.map((run) => run.maxRssMb)).toFixed(0)} MiB`,
        seconds(median(bare.map((run) => run.wallMs))),
        seconds(median(least.map((run) => run.wallMs))),
        seconds(median(val.map((run, index) => run.wallMs - least[index]!.wallMs))),
        ...(extraCaCerts ? [seconds(median(bareWithoutCa.map((run) => run.wallMs))), seconds(median(valWithoutCa.map((run) => run.wallMs)))] : []),
      ]);
      noopRows.push([label, seconds(median(noop.map((run) => run.wallMs))), seconds(median(check.map((run) => run.wallMs))), ratioText(ratio(noop, val)), ratioText(ratio(check, val)), `${median(check.map((run) => run.maxRssMb)).toFixed(0)} MiB`]);
      console.error(`done: ${label}`);
    }
    const table = (header: string[], body: string[][]) => {
      console.log(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
      for (const row of body) console.log(`| ${row.join(' | ')} |`);
      console.log('');
    };
    console.log('errcat generate (all targets, cold) vs TypeSpec compile (OpenAPI 3 + JSON Schema); medians, ratios per round (median and range)\n');
    table(['size', 'errcat generate', 'TypeSpec compile', 'ratio (wall)', 'ratio (CPU)', 'errcat peak', 'TypeSpec peak'], rows);
    const withoutCa = extraCaCerts ? ['node -e 0 without NODE_EXTRA_CA_CERTS', 'validate without it'] : [];
    table(['size', 'errcat validate', 'TypeSpec --no-emit', 'ratio', 'errcat peak', 'node -e 0', 'floor (commander + js-yaml parse)', 'validate − floor', ...withoutCa], validateRows);
    if (withoutCa.length > 0) console.log('NODE_EXTRA_CA_CERTS is set here: Node 20 parses that file at every start, before any script runs; the last two columns are the same commands, run again in each round without it.\n');
    table(['size', 'no-op generate', 'generate --check', 'no-op / validate', 'check / validate', 'check peak'], noopRows);
    // Growth: what each extra 1,000 codes adds to a cold generate, per round of the largest catalog.
    if (growth.length > 0) {
      const seconds1000 = growth.map((ms) => ms / 1000);
      console.log(
        `growth: ${median(seconds1000).toFixed(2)} s per extra 1,000 codes (${Math.min(...seconds1000).toFixed(2)}–${Math.max(...seconds1000).toFixed(2)}; ${smaller!.codes.toLocaleString('en-US')} → ${largest!.codes.toLocaleString('en-US')} codes, the two generated side by side in each round)\n`,
      );
    }
    console.log('goals: seed ≤ 0.5× TypeSpec; 10k ≤ 0.75× TypeSpec and ≤ 400 MB peak; each extra 1,000 codes ≤ 0.2 s; validate seed ≤ 0.25 s; no-op generate and check ≤ 1.2× validate');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
