import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { readdir, rm, rmdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { compareText } from '../util/sort.js';
import { digestOfFile, writeGenerated, type FileDigest } from './file-digest.js';
import type { OutputPlan } from './plan-output.js';

/**
 * What lives in a generated package but is not the generator's: build
 * output, installed modules, tool caches, and the changelog that
 * `changeset version` writes there.
 */
export const NOT_OWNED = new Set(['node_modules', 'dist', '.turbo', 'coverage', 'CHANGELOG.md']);

/** A file `applyPlan` writes before renaming it into place; one left behind is a run that was killed. */
const STAGING = /^\..+\.errcat-[0-9a-z-]+\.tmp$/;

export interface OwnedFiles {
  /**
   * Every file in the owned folders, as project-relative path → digest of its
   * bytes: at 10,000 codes the output is tens of megabytes, which holding as
   * text would add to the run's peak memory.
   */
  files: Map<string, FileDigest>;
  /** Staging files a killed run left behind, project-relative: never outputs, removed by the next write. */
  staging: string[];
}

/** Files read and hashed at once: enough to keep libuv's threads busy, few enough that their bytes stay small beside the run's peak. */
const READ_AHEAD = 4;

/** Every file currently in the owned folders. */
export async function readOwnedFiles(root: string, dirs: readonly string[]): Promise<OwnedFiles> {
  const paths = listOwnedFiles(root, dirs);
  const staging = paths.filter((workspacePath) => STAGING.test(path.posix.basename(workspacePath)));
  const outputs = paths.filter((workspacePath) => !STAGING.test(path.posix.basename(workspacePath)));
  const digests = await inParallel(outputs, READ_AHEAD, (workspacePath) => digestOfFile(path.join(root, workspacePath)));
  return { files: new Map(outputs.map((workspacePath, index) => [workspacePath, digests[index]!])), staging };
}

/** `work` on each item, at most `limit` at a time, the results in the items' order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Every file path in the owned folders (project-relative, sorted per folder), staging files included; nothing is read. */
export function listOwnedFiles(root: string, dirs: readonly string[]): string[] {
  const paths: string[] = [];
  for (const dir of [...dirs].sort(compareText)) {
    for (const relative of filesUnder(path.join(root, dir), NOT_OWNED)) paths.push(path.posix.join(dir, relative));
  }
  return paths;
}

/**
 * Every file under `dir`, as paths relative to it in name order, leaving out
 * entries named in `ignored`; none for a folder that does not exist. Listed
 * with synchronous calls: a folder after folder, each waited for anyway.
 */
export function filesUnder(dir: string, ignored: ReadonlySet<string> = new Set()): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
    if (ignored.has(entry.name)) continue;
    if (entry.isDirectory()) files.push(...filesUnder(path.join(dir, entry.name), ignored).map((child) => path.posix.join(entry.name, child)));
    else if (entry.isFile()) files.push(entry.name);
  }
  return files;
}

/**
 * Applies a plan so that an interruption leaves either the old or the new
 * version of each file: every new text is first written beside its target
 * under a temporary name, and only when all are written are they renamed
 * into place and orphans removed.
 */
export async function applyPlan(root: string, plan: OutputPlan, ownedDirs: readonly string[], leftovers: readonly string[] = []): Promise<void> {
  const writes = [...plan.create, ...plan.update];
  // Synchronous, like the writing (see writeGenerated): each call is quick, and nothing else runs meanwhile.
  for (const dir of new Set(writes.map((file) => path.dirname(path.join(root, file.path))))) mkdirSync(dir, { recursive: true });
  const staged: Array<{ temporary: string; final: string }> = [];
  try {
    for (const file of writes) {
      const final = path.join(root, file.path);
      const temporary = path.join(path.dirname(final), `.${path.basename(final)}.errcat-${process.pid}-${randomUUID().slice(0, 8)}.tmp`);
      // Listed first: a write that fails half-way leaves its staging file, removed with the others.
      staged.push({ temporary, final });
      writeGenerated(temporary, file);
    }
  } catch (error) {
    for (const { temporary } of staged) rmSync(temporary, { force: true });
    throw error;
  }
  for (const { temporary, final } of staged) renameSync(temporary, final);
  for (const leftover of leftovers) await rm(path.join(root, leftover), { force: true });
  for (const orphan of plan.orphaned) {
    await rm(path.join(root, orphan), { force: true });
    const owner = ownedDirs.find((dir) => orphan.startsWith(`${dir}/`));
    if (owner) await removeEmptyParents(root, path.posix.dirname(orphan), owner);
  }
}

/** Folders an orphan leaves empty go with it (a removed service's `src/<service>/`), up to its owned folder. */
async function removeEmptyParents(root: string, dir: string, owner: string): Promise<void> {
  for (let current = dir; current !== owner && current.startsWith(`${owner}/`); current = path.posix.dirname(current)) {
    const entries = await readdir(path.join(root, current)).catch(() => undefined);
    if (entries === undefined || entries.length > 0) return;
    await rmdir(path.join(root, current));
  }
}
