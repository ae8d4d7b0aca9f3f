// Validation time against the number of YAML errors: synthetic catalogs of
// 1,000, 2,000 and 4,000 codes indented with tabs (every indented line is a
// YAML error). Time should grow with the catalog, not with its square.

import { loadCatalogFromTexts } from 'errcat';
import { syntheticSpec } from './synthetic-spec.js';

const RUNS = 3;

function tabbed(text: string): string {
  return text.replace(/^((?: {2})+)/gm, (indent) => '\t'.repeat(indent.length / 2));
}

// CPU time (user + system) of this process as well as wall time: on a shared
// machine the wall clock also counts other processes' work.
const rows: Array<{ codes: number; errors: number; ms: number; cpuMs: number }> = [];
for (const codes of [1_000, 2_000, 4_000]) {
  const texts = Object.entries(syntheticSpec(codes)).map(([file, text]) => ({ file, text: tabbed(text) }));
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let errors = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const { diagnostics } = loadCatalogFromTexts(texts);
    const used = process.cpuUsage(cpu);
    times.push(performance.now() - start);
    cpuTimes.push((used.user + used.system) / 1000);
    errors = diagnostics.length;
  }
  rows.push({ codes, errors, ms: Math.min(...times), cpuMs: Math.min(...cpuTimes) });
}
for (const row of rows) {
  console.log(`${row.codes.toLocaleString('en-US').padStart(6)} codes, tab-indented: ${String(row.errors).padStart(3)} diagnostics in ${row.ms.toFixed(0).padStart(6)} ms wall, ${row.cpuMs.toFixed(0).padStart(6)} ms CPU (best of ${RUNS})`);
}
const [small, , large] = rows;
console.log(`4,000 / 1,000 codes: wall × ${(large!.ms / small!.ms).toFixed(1)}, CPU × ${(large!.cpuMs / small!.cpuMs).toFixed(1)} (linear would be × 4, quadratic × 16)`);
