// Every iteration whose order reaches an output goes through these helpers so
// that output never depends on insertion order, the file system or the host's
// locale.

/** Compares two strings the same way on every machine (ordinal by UTF-16 code unit). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy sorted by a string key. */
export function byKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareText(key(a), key(b)));
}

/** A record's entries sorted by key. */
export function sortedEntries<V>(record: Readonly<Record<string, V>>): Array<[string, V]> {
  return Object.entries(record).sort(([a], [b]) => compareText(a, b));
}

