// Running commands the way a user runs them in their own project: in a temp
// folder outside the repository, with an environment that carries nothing of
// the repository (no PATH entries into it, no pnpm/turbo/vitest variables),
// a timeout per command, and a failure that shows the command's output.

import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The errcat repository; nothing the outside-project test runs may read from it. */
export const REPOSITORY = fileURLToPath(new URL('../../../../', import.meta.url)).replace(/[\\/]$/, '');

export interface Run {
  command: string;
  cwd: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

export interface RunOptions {
  cwd: string;
  timeoutMs: number;
  env?: Readonly<Record<string, string>>;
  /** Log reads from the repository (once `useGuard` was called); true by default. */
  guarded?: boolean;
  /** Refuse network access (Redocly must lint offline). */
  offline?: boolean;
}

/** A failed step: the command, where it ran, how it ended, and the end of its output. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(
    readonly run: Run,
    reason: string,
  ) {
    super(`${reason}\n${describeRun(run)}`);
  }
}

export function describeRun(run: Run): string {
  const how = run.timedOut ? `timed out after ${seconds(run.ms)}` : run.signal ? `was killed by ${run.signal}` : `exited ${run.code} after ${seconds(run.ms)}`;
  return [`$ ${run.command}   (in ${run.cwd}) ${how}`, '--- stdout ---', tail(run.stdout), '--- stderr ---', tail(run.stderr)].join('\n');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const tail = (text: string, max = 6000) => (text.length > max ? `…${text.slice(-max)}` : text) || '(empty)';

/** Where the repository guard logs reads; set by `useGuard`. */
let guard: { file: string; log: string } | undefined;

/** What the guard writes to stderr when an offline process tries the network. */
export const NETWORK_MARKER = 'ERRCAT-E2E NETWORK ACCESS:';

/** Copies the repository guard into `folder` and preloads it into every Node.js process started from now on. */
export function useGuard(folder: string): { log: string } {
  const file = path.join(folder, 'repository-guard.cjs');
  copyFileSync(fileURLToPath(new URL('./repository-guard.cjs', import.meta.url)), file);
  guard = { file, log: path.join(folder, 'repository-reads.log') };
  return { log: guard.log };
}

/** The paths inside the repository that the guarded processes touched so far. */
export function repositoryReads(): string[] {
  if (!guard) return [];
  try {
    return readFileSync(guard.log, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** The user's environment, without what running inside this repository's pnpm/turbo/vitest added to it. */
export function consumerEnv(extra: Readonly<Record<string, string>> = {}, { guarded = true, offline = false } = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(npm_|PNPM_SCRIPT_SRC_DIR$|TURBO_|VITEST|NODE_OPTIONS$|NODE_PATH$|INIT_CWD$)/.test(key)) continue;
    env[key] = value;
  }
  const pathKey = Object.keys(env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH';
  env[pathKey] = (env[pathKey] ?? '')
    .split(path.delimiter)
    .filter((entry) => entry && !isInside(REPOSITORY, entry))
    .join(path.delimiter);
  Object.assign(env, {
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    DO_NOT_TRACK: '1',
    TURBO_TELEMETRY_DISABLED: '1',
    TURBO_NO_UPDATE_NOTIFIER: '1',
    NO_UPDATE_NOTIFIER: '1',
    npm_config_update_notifier: 'false',
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  });
  if (guard && (guarded || offline)) env.NODE_OPTIONS = `--require ${guard.file}`;
  if (guard && guarded) {
    env.ERRCAT_E2E_REPOSITORY = REPOSITORY;
    env.ERRCAT_E2E_READS = guard.log;
  }
  if (offline) env.ERRCAT_E2E_OFFLINE = '1';
  return { ...env, ...extra };
}

export function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, path.resolve(candidate));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Runs a command to its end (or its timeout, which kills its whole process group); never rejects. */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<Run> {
  const started = Date.now();
  const display = [command, ...args].map((part) => (/[\s"']/.test(part) ? JSON.stringify(part) : part)).join(' ');
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: consumerEnv(options.env, { guarded: options.guarded ?? true, offline: options.offline ?? false }),
      stdio: ['ignore', 'pipe', 'pipe'], // stdin is not a TTY: errcat init must not prompt
      detached: process.platform !== 'win32',
      shell: process.platform === 'win32',
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    const finish = (code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
      clearTimeout(timer);
      if (error) stderr += `\n${error.message}`;
      resolve({ command: display, cwd: options.cwd, code, signal, stdout, stderr, ms: Date.now() - started, timedOut });
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** Runs a command and throws a `CommandError` with its output unless it exits 0. */
export async function must(command: string, args: readonly string[], options: RunOptions): Promise<Run> {
  const result = await run(command, args, options);
  if (result.code !== 0) throw new CommandError(result, 'the command failed');
  const reads = options.guarded === false ? [] : repositoryReads();
  if (reads.length > 0) {
    throw new CommandError(result, `the command read from the repository (${reads.length} accesses; pid, function, path):\n${reads.slice(0, 20).join('\n')}`);
  }
  return result;
}

export function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
