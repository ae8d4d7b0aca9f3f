// Load + validate + normalize, from files on disk, for the seed spec and for
// synthetic catalogs of 1,000 and 10,000 codes × 4 locales. Each case runs in
// a child process so peak memory (max RSS) belongs to that case alone.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticSpec } from './synthetic-spec.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = 5;

interface CaseResult {
  name: string;
  codes: number;
  bestMs: number;
  medianMs: number;
  maxRssMb: number;
}

if (process.argv[2] === '--case') {
  await runCase(process.argv[3]!);
} else {
  await main();
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'errcat-bench-'));
  try {
    const cases: Array<{ name: string; dir: string }> = [{ name: 'seed spec', dir: path.resolve(here, '..', 'spec') }];
    for (const codes of [1_000, 10_000]) {
      const dir = path.join(work, `synthetic-${codes}`);
      mkdirSync(dir);
      for (const [file, text] of Object.entries(syntheticSpec(codes))) writeFileSync(path.join(dir, file), text);
      cases.push({ name: `synthetic ${codes.toLocaleString('en-US')} codes × 4 locales`, dir });
    }
    const results: CaseResult[] = cases.map(({ name, dir }) => {
      const output = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--case', dir], { encoding: 'utf8' });
      return { name, ...(JSON.parse(output) as Omit<CaseResult, 'name'>) };
    });
    console.log(`load + validate + normalize (best and median of ${RUNS} runs in one process; peak RSS of that process)`);
    console.log('case'.padEnd(40), 'codes'.padStart(7), 'best ms'.padStart(9), 'median ms'.padStart(10), 'peak MB'.padStart(9));
    for (const result of results) {
      console.log(
        result.name.padEnd(40),
        String(result.codes).padStart(7),
        result.bestMs.toFixed(1).padStart(9),
        result.medianMs.toFixed(1).padStart(10),
        result.maxRssMb.toFixed(0).padStart(9),
      );
    }
    const [, small, large] = results;
    if (small && large) {
      const ratio = large.medianMs / small.medianMs;
      console.log(`10k/1k time ratio: ${ratio.toFixed(2)} (linear growth is 10; goal ≤ 12)`);
      console.log(`10k codes: ${large.medianMs.toFixed(0)} ms (goal < 1000 ms; TypeSpec checks an equivalent model in ~2100 ms here)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function runCase(dir: string): Promise<void> {
  const { loadCatalog } = await import('errcat');
  const times: number[] = [];
  let codes = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const { catalog, diagnostics } = await loadCatalog(dir, (file) => file);
    times.push(performance.now() - start);
    if (!catalog) throw new Error(`bench spec is invalid:\n${diagnostics.map((entry) => `${entry.file}:${entry.line} ${entry.message}`).join('\n')}`);
    codes = catalog.services.reduce((sum, service) => sum + service.codes.length + (service.embedded?.codes.length ?? 0), 0);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(
    JSON.stringify({ codes, bestMs: times[0], medianMs: times[Math.floor(times.length / 2)], maxRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
}
