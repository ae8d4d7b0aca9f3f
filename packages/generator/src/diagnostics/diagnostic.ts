import { compareText } from '../util/sort.js';
import { DIAGNOSTICS, type DiagnosticArgs, type DiagnosticId, type Severity } from './definitions.js';

/** Where in the spec a diagnostic points. Line and column are 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic extends SourcePosition {
  id: DiagnosticId;
  code: string;
  severity: Severity;
  message: string;
}

export function diagnostic<Id extends DiagnosticId>(id: Id, at: SourcePosition, args: DiagnosticArgs<Id>): Diagnostic {
  const definition = DIAGNOSTICS[id];
  const message = (definition.message as (a: DiagnosticArgs<Id>) => string)(args);
  return { id, code: definition.code, severity: definition.severity, message, file: at.file, line: at.line, column: at.column };
}

/** Diagnostics in reading order: by file, then position, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.code, b.code) || compareText(a.message, b.message),
  );
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((entry) => entry.severity === 'error');
}

/** `spec/batch.yaml:12:5 error E301 status 700 is not an HTTP status; …` */
export function formatDiagnostic(entry: Diagnostic): string {
  const where = entry.line > 0 ? `${entry.file}:${entry.line}:${entry.column}` : entry.file;
  return `${where} ${entry.severity} ${entry.code} ${entry.message}`;
}
