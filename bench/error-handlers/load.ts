// Drives the server variants of server.ts with autocannon on 127.0.0.1:
// bounded runs of a few seconds, variants alternating round by round, each
// server in its own process. Prints req/s per variant, the ratios, and which
// side saturated (server CPU time vs wall time, and the load generator's own).

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';

export interface Variant {
  /** Shown in the table. */
  readonly name: string;
  /** Arguments to server.ts: framework, variant, scenario. */
  readonly args: readonly string[];
}

export interface Comparison {
  readonly label: string;
  readonly subject: string;
  readonly floor: string;
  /** The ratio to reach, if any. */
  readonly goal?: number;
}

export interface LoadOptions {
  readonly title: string;
  readonly variants: readonly Variant[];
  readonly comparisons: readonly Comparison[];
  readonly rounds?: number;
  readonly seconds?: number;
  readonly connections?: number;
}

const REQUEST_HEADERS = { 'accept-language': 'en-US,en;q=0.9', accept: 'application/json' };

interface Server {
  readonly variant: Variant;
  readonly child: ChildProcess;
  readonly url: string;
}

interface Run {
  readonly variant: string;
  readonly round: number;
  readonly rps: number;
  /** Server CPU time per request, in microseconds. */
  readonly cpuPerRequest: number;
  readonly serverCpu: number;
  readonly loadCpu: number;
  /** CPU used by every other process on the machine during the run, per wall time (NaN where /proc/stat is missing). */
  readonly otherCpu: number;
  readonly errors: number;
}

/** Busy CPU time of the whole machine so far, in milliseconds (Linux), to tell when other processes took CPU during a run. */
function machineBusy(): number {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return ((user + nice + system + irq + softirq + steal) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * On Linux with two cores or more, autocannon runs on CPU 0 and the servers
 * on CPU 1, so that neither steals the other's core and runs vary less.
 */
function pinning(): { server: readonly string[]; note: string } {
  try {
    execFileSync('taskset', ['-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
    return { server: ['taskset', '-c', '1'], note: 'autocannon pinned to CPU 0, servers to CPU 1' };
  } catch {
    return { server: [], note: 'not pinned to CPUs (no taskset)' };
  }
}

let serverPrefix: readonly string[] = [];

async function startServer(variant: Variant): Promise<Server> {
  const command = [...serverPrefix, process.execPath, '--import', 'tsx', path.join(import.meta.dirname, 'server.ts'), ...variant.args];
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`${variant.name} exited with ${code}`)));
  });
  return { variant, child, url: `http://127.0.0.1:${port}/e` };
}

function serverCpu(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.child.once('message', (message) => {
      const { cpu } = message as { cpu: NodeJS.CpuUsage };
      resolve((cpu.user + cpu.system) / 1000);
    });
    server.child.send('cpu');
  });
}

async function measure(server: Server, seconds: number, connections: number, round: number): Promise<Run> {
  const serverBefore = await serverCpu(server);
  const machineBefore = machineBusy();
  const loadBefore = process.cpuUsage();
  const started = performance.now();
  const result = await autocannon({ url: server.url, connections, duration: seconds, headers: REQUEST_HEADERS });
  const wall = performance.now() - started;
  const load = process.cpuUsage(loadBefore);
  const machine = machineBusy() - machineBefore;
  const serverAfter = await serverCpu(server);
  return {
    variant: server.variant.name,
    round,
    rps: result.requests.total / result.duration,
    cpuPerRequest: ((serverAfter - serverBefore) * 1000) / result.requests.total,
    serverCpu: (serverAfter - serverBefore) / wall,
    loadCpu: (load.user + load.system) / 1000 / wall,
    otherCpu: Math.max(0, machine - (serverAfter - serverBefore) - (load.user + load.system) / 1000) / wall,
    errors: result.errors + result.timeouts,
  };
}

/** The answer each server gives, to check that they are comparable before timing them. */
async function probe(server: Server): Promise<string> {
  const response = await fetch(server.url, { headers: REQUEST_HEADERS });
  return `${response.status} ${response.headers.get('content-language')} ${response.headers.get('x-ms-error-code')} ${await response.text()}`;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const percent = (value: number) => `${Math.round(value * 100)}%`;

export async function runLoad(options: LoadOptions): Promise<void> {
  const rounds = options.rounds ?? Number(process.env.BENCH_ROUNDS ?? 9);
  const seconds = options.seconds ?? Number(process.env.BENCH_SECONDS ?? 2);
  const connections = options.connections ?? 10;
  const pins = pinning();
  serverPrefix = pins.server;
  console.log(`${options.title}\nautocannon ${connections} connections, ${seconds} s per run, ${rounds} rounds, variants alternating; node ${process.version}, 127.0.0.1; ${pins.note}`);
  const servers: Server[] = [];
  try {
    for (const variant of options.variants) servers.push(await startServer(variant));
    for (const server of servers) console.log(`  ${server.variant.name.padEnd(28)} → ${await probe(server)}`);
    for (const comparison of options.comparisons) {
      const [subject, floor] = [comparison.subject, comparison.floor].map((name) => servers.find((server) => server.variant.name === name)!);
      const [a, b] = [await probe(subject!), await probe(floor!)];
      if (a !== b) throw new Error(`${comparison.subject} and ${comparison.floor} answer differently:\n  ${a}\n  ${b}`);
    }
    // Warm-up: JIT and connection pools, not measured.
    for (const server of servers) await autocannon({ url: server.url, connections, duration: 2, headers: REQUEST_HEADERS });
    const runs: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? servers : [...servers].reverse();
      for (const server of order) runs.push(await measure(server, seconds, connections, round));
    }
    const summary = options.variants.map((variant) => {
      const own = runs.filter((run) => run.variant === variant.name);
      return { variant: variant.name, rps: median(own.map((run) => run.rps)), cpuPerRequest: median(own.map((run) => run.cpuPerRequest)), rounds: own.map((run) => Math.round(run.rps)).join(' / '), serverCpu: median(own.map((run) => run.serverCpu)), loadCpu: median(own.map((run) => run.loadCpu)), otherCpu: median(own.map((run) => run.otherCpu)), errors: own.reduce((sum, run) => sum + run.errors, 0) };
    });
    console.table(
      summary.map((entry) => ({
        variant: entry.variant,
        'req/s (median)': Math.round(entry.rps),
        'req/s per round': entry.rounds,
        'server CPU µs/req': Math.round(entry.cpuPerRequest),
        'server CPU / wall': percent(entry.serverCpu),
        'autocannon CPU / wall': percent(entry.loadCpu),
        'other processes CPU / wall': Number.isNaN(entry.otherCpu) ? 'n/a' : percent(entry.otherCpu),
        errors: entry.errors,
      })),
    );
    // Ratios are taken round by round, between runs next to each other in
    // time, then the median: drift in the machine's speed cancels out.
    for (const comparison of options.comparisons) {
      const ratios = Array.from({ length: rounds }, (_, round) => {
        const subject = runs.find((run) => run.round === round && run.variant === comparison.subject)!;
        const floor = runs.find((run) => run.round === round && run.variant === comparison.floor)!;
        return { rps: subject.rps / floor.rps, cpu: floor.cpuPerRequest / subject.cpuPerRequest };
      });
      const ratio = median(ratios.map((entry) => entry.rps));
      const spread = `${Math.min(...ratios.map((entry) => entry.rps)).toFixed(2)}–${Math.max(...ratios.map((entry) => entry.rps)).toFixed(2)}`;
      const goal = comparison.goal === undefined ? '' : ratio >= comparison.goal ? ` (goal ≥ ${comparison.goal}×: met)` : ` (goal ≥ ${comparison.goal}×: NOT met)`;
      console.log(`${comparison.label}: ${ratio.toFixed(2)}× req/s (rounds ${spread})${goal}; by server CPU per request ${median(ratios.map((entry) => entry.cpu)).toFixed(2)}×`);
    }
    const serverBound = summary.filter((entry) => entry.serverCpu >= 0.9);
    const loadBound = summary.filter((entry) => entry.loadCpu >= 0.9 && entry.serverCpu < 0.9);
    const verdict =
      serverBound.length === summary.length
        ? `the server was the bottleneck in every variant (its CPU time ≥ 90% of wall time: one core saturated), so the ratios compare server cost`
        : loadBound.length > 0
          ? `the load generator was the bottleneck for ${loadBound.map((entry) => entry.variant).join(', ')} (autocannon ≥ 90% of a core while the server had room): those figures understate the server`
          : `neither side saturated a core in ${summary.filter((entry) => entry.serverCpu < 0.9).map((entry) => entry.variant).join(', ')}: treat those figures with care`;
    const busiest = Math.max(...summary.map((entry) => entry.otherCpu));
    const contention = busiest >= 0.15 ? ` Other processes took up to ${percent(busiest)} of a core during the runs: on a 2-core machine that competes with the server, so rerun on a quiet machine before trusting small ratios.` : '';
    console.log(`bottleneck: ${verdict}.${contention}\n`);
  } finally {
    for (const server of servers) server.child.kill();
  }
}
