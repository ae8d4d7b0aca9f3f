import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RawFailures } from '../../spec/raw-spec.js';
import { resolveRef } from '../../spec/resolve-ref.js';
import { suggest } from '../../util/suggest.js';
import type { Rule } from '../rule-context.js';

const EXPECTED_CLASS: Record<keyof RawFailures, 4 | 5> = {
  internal: 5,
  malformedBody: 4,
  bodyTooLarge: 4,
  notFound: 4,
  validation: 4,
};

/** Every failure names an existing code of the right status class. */
export const checkFailures: Rule = ({ files }) => {
  const diagnostics: Diagnostic[] = [];
  for (const { spec, source } of files) {
    const failures = spec.service?.failures;
    if (!failures) continue;
    for (const key of Object.keys(EXPECTED_CLASS) as Array<keyof RawFailures>) {
      const ref = failures[key];
      const path = ['service', 'failures', key];
      const field = `failures.${key}`;
      const resolved = resolveRef(spec, ref);
      if (resolved.kind === 'unknown') {
        const suggestion = suggest(ref, resolved.candidates);
        diagnostics.push(diagnostic('unresolvedReference', source.locate(path), { field, ref, suggestion }));
      } else if (resolved.kind === 'ambiguous') {
        diagnostics.push(diagnostic('ambiguousReference', source.locate(path), { field, ref, choices: resolved.choices }));
      } else if (isHttpStatus(resolved.status) && Math.floor(resolved.status / 100) !== EXPECTED_CLASS[key]) {
        diagnostics.push(diagnostic('failureStatusClass', source.locate(path), { field, ref, status: resolved.status, expected: `${EXPECTED_CLASS[key]}xx` }));
      }
    }
  }
  return diagnostics;
};

/** Statuses that are no error status (out of range, 1xx, 2xx) are reported by the status rule; judging their class here would only repeat it. */
function isHttpStatus(status: number | undefined): status is number {
  return status !== undefined && status >= 300 && status <= 599;
}
