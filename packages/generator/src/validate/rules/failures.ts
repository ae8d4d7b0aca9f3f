import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RawFailures } from '../../spec/raw-spec.js';
import { resolveRef } from '../../spec/resolve-ref.js';
import { suggest } from '../../util/suggest.js';
import type { SpecFile } from '../../spec/spec-file.js';
import { isKnown, type Rule } from '../rule-context.js';

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
  for (const file of files) {
    const { spec, source } = file;
    // Partial when the structural check found problems in it (reported there).
    const failures = spec.service?.failures as Partial<RawFailures> | undefined;
    if (!failures) continue;
    for (const key of Object.keys(EXPECTED_CLASS) as Array<keyof RawFailures>) {
      const ref = failures[key];
      if (ref === undefined) continue;
      const path = ['service', 'failures', key];
      const field = `failures.${key}`;
      const resolved = resolveRef(spec, ref);
      if (mayBeLeftOut(file, ref, resolved)) continue;
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

/**
 * Whether what `ref` names, or its status, may be among what the structural
 * check left out: then the reference cannot be judged without repeating it.
 */
function mayBeLeftOut(file: SpecFile, ref: string, resolved: ReturnType<typeof resolveRef>): boolean {
  const [first = '', second] = ref.split('/');
  const categories = Object.keys(file.spec.categories ?? {});
  const candidates =
    second === undefined
      ? [['codes', first], ['categories', first], ...categories.map((category) => ['categories', category, 'codes', first])]
      : [['categories', first, 'codes', second]];
  if (resolved.kind === 'unknown' || resolved.kind === 'ambiguous') return candidates.some((path) => !isKnown(file, path));
  // The status comes from the code (or its variants), else from its category.
  const [category, code] = resolved.kind === 'category' ? [resolved.category] : resolved.key.split('/');
  const owner = code === undefined ? (resolved.kind === 'category' ? ['categories', category!] : ['codes', category!]) : ['categories', category!, 'codes', code];
  const statusPaths = [[...owner, 'status'], [...owner, 'variants']];
  if (code !== undefined) statusPaths.push(['categories', category!, 'status']);
  return statusPaths.some((path) => !isKnown(file, path));
}

/** Statuses that are no error status (out of range, 1xx, 2xx) are reported by the status rule; judging their class here would only repeat it. */
function isHttpStatus(status: number | undefined): status is number {
  return status !== undefined && status >= 300 && status <= 599;
}
