import { lazily } from './lazy-load.js';

// Loaded at the first typo to look at, not at every start of errcat.
const library = lazily<typeof import('fastest-levenshtein')>('fastest-levenshtein');

/** The closest candidate when it is close enough to be what the user meant. */
export function suggest(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const { closest, distance } = library();
  const best = closest(name, [...candidates]);
  return distance(name.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
