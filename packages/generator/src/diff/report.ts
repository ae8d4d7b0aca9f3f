import { createHash } from 'node:crypto';
import { LEVELS, type Change, type Level } from './compare-catalogs.js';
import type { PackageBump } from './package-levels.js';

export interface DiffResult {
  /** What the catalog was compared with: a git ref or a folder. */
  readonly base: string;
  readonly changes: readonly Change[];
  readonly packages: readonly PackageBump[];
}

/** The highest bump, or `none` when no package changes. */
export function highestLevel(result: DiffResult): Level | 'none' {
  const levels = result.packages.map((entry) => LEVELS.indexOf(entry.level));
  return levels.length === 0 ? 'none' : LEVELS[Math.max(...levels)]!;
}

/** The report people read: changes by error set and level, then each package's bump. */
export function formatReport(result: DiffResult): string {
  if (result.changes.length === 0 && result.packages.length === 0) return `no changes to the catalog since ${result.base}\n`;
  const lines = [`changes since ${result.base}:`];
  let scope = '';
  for (const change of result.changes) {
    if (change.scope !== scope) {
      scope = change.scope;
      lines.push('', `${scope}`);
    }
    lines.push(`  ${change.level.padEnd(5)}  ${change.message}`);
  }
  if (result.changes.length === 0) lines.push('', '  (no change to codes or settings; the generated files differ, from templates or errcat itself)');
  lines.push('', 'packages:');
  if (result.packages.length === 0) lines.push('  none changes');
  const width = Math.max(0, ...result.packages.map((entry) => entry.name.length));
  for (const entry of result.packages) lines.push(`  ${entry.name.padEnd(width)}  ${entry.level}`);
  return `${lines.join('\n')}\n`;
}

/** The same, for scripts. */
export function formatJson(result: DiffResult): string {
  return `${JSON.stringify({ base: result.base, level: highestLevel(result), changes: result.changes, packages: result.packages }, null, 2)}\n`;
}

/** A changeset bumping exactly the packages that change, each at its own level, with the report as its text. */
export function changesetFile(result: DiffResult): { name: string; contents: string } {
  const front = result.packages.map((entry) => `"${entry.name}": ${entry.level}`);
  const body = result.changes.map((change) => `- ${change.scope}: ${change.message} (${change.level})`);
  const contents = `---\n${front.join('\n')}\n---\n\nCatalog changes:\n\n${body.join('\n') || '- regenerated with no change to codes or settings'}\n`;
  // Named by its contents: the same change writes the same file, never a second one.
  const name = `errcat-${createHash('sha256').update(contents).digest('hex').slice(0, 10)}.md`;
  return { name, contents };
}
