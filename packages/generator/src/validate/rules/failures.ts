import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RawFailures } from '../../spec/raw-spec.js';
import { resolveRef } from '../../spec/resolve-ref.js';
import { suggest } from '../../util/suggest.js';
import type { Rule } from '../rule-context.js';

const EXPECTED_CLASS: Record<Exclude<keyof RawFailures, 'statuses'>, 4 | 5> = {
  internal: 5,
  malformedBody: 4,
  bodyTooLarge: 4,
  notFound: 4,
  validation: 4,
};

/** Every failure, and every status of `failures.statuses`, names an existing code of the right status class. */
export const checkFailures: Rule = ({ files }) => {
  const diagnostics: Diagnostic[] = [];
  for (const { spec, source } of files) {
    const failures = spec.service?.failures;
    if (!failures) continue;
    const entries: Array<{ ref: string; path: string[]; field: string; expected: number }> = (Object.keys(EXPECTED_CLASS) as Array<keyof typeof EXPECTED_CLASS>).map((key) => ({
      ref: failures[key],
      path: ['service', 'failures', key],
      field: `failures.${key}`,
      expected: EXPECTED_CLASS[key],
    }));
    const statuses = failures.statuses;
    if (statuses && typeof statuses === 'object') {
      for (const status of Object.keys(statuses)) {
        // Keys that are no 4xx/5xx status are reported by the structure check.
        if (!/^[45]\d\d$/.test(status) || typeof statuses[status] !== 'string') continue;
        entries.push({ ref: statuses[status]!, path: ['service', 'failures', 'statuses', status], field: `failures.statuses.${status}`, expected: Number(status[0]) });
      }
    }
    for (const { ref, path, field, expected } of entries) {
      const resolved = resolveRef(spec, ref);
      if (resolved.kind === 'unknown') {
        const suggestion = suggest(ref, resolved.candidates);
        diagnostics.push(diagnostic('unresolvedReference', source.locate(path), { field, ref, suggestion }));
      } else if (resolved.kind === 'ambiguous') {
        diagnostics.push(diagnostic('ambiguousReference', source.locate(path), { field, ref, choices: resolved.choices }));
      } else if (isHttpStatus(resolved.status) && Math.floor(resolved.status / 100) !== expected) {
        diagnostics.push(diagnostic('failureStatusClass', source.locate(path), { field, ref, status: resolved.status, expected: `${expected}xx` }));
      }
    }
  }
  return diagnostics;
};

/** Out-of-range statuses are reported by the status rule; judging their class here would only repeat it. */
function isHttpStatus(status: number | undefined): status is number {
  return status !== undefined && status >= 100 && status <= 599;
}
