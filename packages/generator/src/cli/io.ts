import path from 'node:path';

/** Where a command writes and what it resolves paths against; tests pass their own. */
export interface CliIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** A person is at the terminal: commands may ask. */
  interactive?: boolean;
}

// `errcat inspect --json | head` closes stdout early. That is the reader's
// choice, not an error: the command finishes its work and stops printing.
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

export const processIo: CliIo = {
  cwd: process.cwd(),
  out: (text) => {
    if (!stdoutClosed) process.stdout.write(text);
  },
  err: (text) => process.stderr.write(text),
  interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
};

/** A path as the user should see it: relative to where they ran errcat. */
export function displayPath(io: CliIo, absolute: string): string {
  return path.relative(io.cwd, absolute) || '.';
}

export const EXIT = { ok: 0, userError: 1, usage: 2, crash: 70 } as const;
