import type { GeneratedFile } from '../targets/target.js';
import { compareText } from '../util/sort.js';
import { digestOfGenerated, sameDigest, type FileDigest } from './file-digest.js';

/** What `generate` would change on disk. */
export interface OutputPlan {
  create: GeneratedFile[];
  update: GeneratedFile[];
  unchanged: GeneratedFile[];
  /** Files in an owned folder that no target produces any more. */
  orphaned: string[];
}

/** Compares generated files with what is on disk (given as path → digest of its bytes). Pure. */
export function planOutput(files: readonly GeneratedFile[], existing: ReadonlyMap<string, FileDigest>): OutputPlan {
  const plan: OutputPlan = { create: [], update: [], unchanged: [], orphaned: [] };
  const produced = new Set<string>();
  for (const file of [...files].sort((a, b) => compareText(a.path, b.path))) {
    produced.add(file.path);
    const current = existing.get(file.path);
    if (current === undefined) plan.create.push(file);
    else if (!sameDigest(current, digestOfGenerated(file))) plan.update.push(file);
    else plan.unchanged.push(file);
  }
  plan.orphaned = [...existing.keys()].filter((path) => !produced.has(path)).sort(compareText);
  return plan;
}

export function isClean(plan: OutputPlan): boolean {
  return plan.create.length === 0 && plan.update.length === 0 && plan.orphaned.length === 0;
}
