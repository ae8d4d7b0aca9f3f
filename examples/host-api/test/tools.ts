import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const HOST_DIR = fileURLToPath(new URL('..', import.meta.url));
export const NETWORK_MARKER = 'ERRCAT-TEST NETWORK ACCESS:';

const require = createRequire(import.meta.url);
const REDOCLY_BIN = path.join(path.dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
const DENY_NETWORK = fileURLToPath(new URL('./deny-network.cjs', import.meta.url));
const run = promisify(execFile);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RedoclyOptions {
  cwd?: string;
  /** Leave `REDOCLY_TELEMETRY` unset, so only a redocly.yaml can switch telemetry off. */
  telemetryFromConfigOnly?: boolean;
}

/** Runs the Redocly CLI in the example's folder (so its redocly.yaml applies), with telemetry off and the network refused. */
export async function redocly(args: readonly string[], options: RedoclyOptions = {}): Promise<Run> {
  const cwd = options.cwd ?? HOST_DIR;
  const { REDOCLY_TELEMETRY: _inherited, ...inherited } = process.env;
  const env = {
    ...inherited,
    ...(options.telemetryFromConfigOnly ? {} : { REDOCLY_TELEMETRY: 'off' }),
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    NO_COLOR: '1',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${DENY_NETWORK}`.trim(),
  };
  return runNode([REDOCLY_BIN, ...args], cwd, env);
}

/** Runs a Node.js process with the network guard preloaded. */
export async function guardedNode(args: readonly string[], cwd = HOST_DIR): Promise<Run> {
  return runNode(args, cwd, { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${DENY_NETWORK}`.trim() });
}

async function runNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ source: { ref: string }; pointer: string }>;
}

/** `redocly lint --format=json` for one root document. */
export async function lint(root: string, options: RedoclyOptions = {}): Promise<{ run: Run; problems: LintProblem[]; totals: { errors: number; warnings: number } }> {
  const result = await redocly(['lint', root, '--format=json'], options);
  const report = JSON.parse(result.stdout) as { problems: LintProblem[]; totals: { errors: number; warnings: number } };
  return { run: result, problems: report.problems, totals: report.totals };
}

/** Problems as one line each, for readable failures. */
export function describeProblems(problems: readonly LintProblem[]): string[] {
  return problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.source.ref}${problem.location[0]?.pointer ?? ''}`);
}
