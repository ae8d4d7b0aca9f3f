import type { Catalog, TargetName } from '../model/catalog.js';
import type { GeneratedFile } from '../targets/target.js';
import { packageDir } from '../targets/target.js';
import { LEVELS, type Change, type Level } from './compare-catalogs.js';

export interface PackageBump {
  readonly target: TargetName;
  readonly name: string;
  readonly level: Level;
}

/**
 * The bump of each generated package: none when regenerating leaves its
 * files as they were (so a package the change does not touch is never
 * bumped), else the highest level among the changes that concern it, and at
 * least a patch (its files differ: an OpenAPI example follows a reworded
 * message).
 */
export function packageBumps(head: Catalog, changes: readonly Change[], baseFiles: readonly GeneratedFile[], headFiles: readonly GeneratedFile[]): PackageBump[] {
  const before = new Map(baseFiles.map((file) => [file.path, file.contents]));
  const bumps: PackageBump[] = [];
  for (const target of head.settings.targets) {
    const dir = `${packageDir(head, target)}/`;
    const own = headFiles.filter((file) => file.path.startsWith(dir));
    const touched = own.some((file) => before.get(file.path) !== file.contents) || [...before.keys()].some((file) => file.startsWith(dir) && !own.some((entry) => entry.path === file));
    if (!touched) continue;
    const levels = changes.filter((change) => !change.only || change.only.includes(target)).map((change) => LEVELS.indexOf(change.level));
    bumps.push({ target, name: head.settings.packages[target].name, level: LEVELS[Math.max(0, ...levels)]! });
  }
  return bumps;
}
