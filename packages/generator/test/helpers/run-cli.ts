import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';

/** An io that keeps what a command prints, as a terminal would show it. */
export function captureIo(cwd: string): CliIo & { stdout: string; stderr: string } {
  const io = {
    cwd,
    stdout: '',
    stderr: '',
    out: (text: string) => {
      io.stdout += text;
    },
    err: (text: string) => {
      io.stderr += text;
    },
  };
  return io;
}

/** `errcat <args>` run in-process from `cwd`: its exit code and what it printed. */
export async function runErrcat(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo(cwd);
  const code = await run(['node', 'errcat', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}
