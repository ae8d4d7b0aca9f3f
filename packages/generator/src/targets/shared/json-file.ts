import type { GeneratedFile } from '../target.js';

/** JSON as committed: two-space indent, trailing newline, key order as built. */
export function jsonFile(path: string, value: unknown): GeneratedFile {
  return { path, contents: `${JSON.stringify(value, null, 2)}\n` };
}
