import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserError } from '../cli/user-error.js';
import { lazily } from '../util/lazy-load.js';

// Loaded when a run first writes or compares: a generation with nothing to do takes no lock.
const lockfile = lazily<typeof import('proper-lockfile')>('proper-lockfile');

/** How long a run waits for another to finish writing: longer than a generation of 10,000 codes takes. */
const WAIT_MS = 60_000;
const POLL_MS = 200;

function lockPathOf(realRoot: string): string {
  return path.join(tmpdir(), `errcat-${createHash('sha256').update(realRoot).digest('hex').slice(0, 16)}.lock`);
}

/** Whether a run holds the project's output lock now (proper-lockfile's lock is a folder), read without taking it or loading proper-lockfile. */
export function outputLockHeld(root: string): boolean {
  let real = root;
  try {
    real = realpathSync(root);
  } catch {
    // the root as given
  }
  return existsSync(lockPathOf(real));
}

/**
 * Runs `work` while holding the project's output lock, so two `generate`
 * runs (a watcher and a manual run, two terminals) never read or write the
 * package folders at the same time: the second waits for the first. The lock
 * lives in the system's temporary folder, named after the project root, and
 * is refreshed while held, so a killed run's lock goes stale and is taken
 * over instead of blocking forever.
 */
export async function withOutputLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const real = await realpath(root).catch(() => root);
  const lockPath = lockPathOf(real);
  let release: () => Promise<void>;
  try {
    release = await lockfile().lock(real, {
      lockfilePath: lockPath,
      realpath: false,
      stale: 10_000,
      retries: { retries: Math.ceil(WAIT_MS / POLL_MS), factor: 1, minTimeout: POLL_MS, maxTimeout: POLL_MS },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw new UserError(
      `another errcat generate has been writing ${root}'s packages for over ${WAIT_MS / 1000} s (lock ${lockPath}); let it finish and run again, or delete the lock if no errcat is running`,
    );
  }
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}
