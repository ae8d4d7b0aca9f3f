import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CliIo } from './io.js';

/** Prints every diagnostic, then a one-line count. */
export function reportDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  for (const entry of diagnostics) io.err(`${formatDiagnostic(entry)}\n`);
  const errors = diagnostics.filter((entry) => entry.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length > 0) io.err(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
