import type { TargetName } from '../model/catalog.js';
import { TARGET_LOADERS } from './load-targets.js';
import type { Target } from './target.js';

/** Every target errcat knows, by the name used in `settings.targets`, all imported (`loadTargets` imports only those a catalog enables). */
export const TARGETS: Readonly<Partial<Record<TargetName, Target>>> = Object.fromEntries(
  await Promise.all(Object.entries(TARGET_LOADERS).map(async ([name, load]) => [name, await load()] as const)),
);
