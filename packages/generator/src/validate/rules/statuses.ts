import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { isKnown, type Rule } from '../rule-context.js';

const statusClass = (status: number): number => Math.floor(status / 100);

/** Statuses in range and error statuses, present where needed, and in their category's class. */
export const checkStatuses: Rule = ({ files, entriesOf }) => {
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const { spec, source } = file;
    if (!spec.service) continue;
    /** A status an error can answer with: an HTTP status (E301), and not informational or success (E310). */
    const inRange = (status: number | undefined, path: ReadonlyArray<string | number>): boolean => {
      if (status === undefined || (status >= 300 && status <= 599)) return true;
      if (status >= 100 && status < 300) diagnostics.push(diagnostic('statusNotAnError', source.locate(path), { status }));
      else diagnostics.push(diagnostic('statusOutOfRange', source.locate(path), { status }));
      return false;
    };
    for (const entry of entriesOf(file)) {
      switch (entry.kind) {
        case 'category':
          if (entry.status !== undefined) inRange(entry.status, [...entry.path, 'status']);
          else if (isKnown(file, [...entry.path, 'status'])) diagnostics.push(diagnostic('categoryWithoutStatus', source.locate(entry.path, 'key'), { category: entry.name }));
          break;
        case 'detail': {
          const { status } = entry.code;
          if (status === undefined || !inRange(status, [...entry.path, 'status']) || entry.categoryStatus === undefined) break;
          if (statusClass(status) !== statusClass(entry.categoryStatus)) {
            diagnostics.push(
              diagnostic('statusClassMismatch', source.locate([...entry.path, 'status']), {
                code: entry.name,
                status,
                category: entry.category,
                categoryStatus: entry.categoryStatus,
              }),
            );
          }
          break;
        }
        case 'http': {
          const { code } = entry;
          if (code.variants && (code.status !== undefined || code.message !== undefined)) {
            diagnostics.push(diagnostic('statusAndVariants', source.locate(entry.path, 'key'), { code: entry.name }));
          } else if (!code.variants && code.status === undefined && isKnown(file, [...entry.path, 'status']) && isKnown(file, [...entry.path, 'variants'])) {
            diagnostics.push(diagnostic('missingStatus', source.locate(entry.path, 'key'), { code: entry.name }));
          }
          inRange(code.status, [...entry.path, 'status']);
          const seen = new Set<string>();
          for (const [index, variant] of (code.variants ?? []).entries()) {
            if (seen.has(variant.when)) {
              diagnostics.push(diagnostic('duplicateVariant', source.locate([...entry.path, 'variants', index, 'when']), { code: entry.name, when: variant.when }));
            }
            seen.add(variant.when);
          }
          break;
        }
        case 'variant':
          inRange(entry.variant.status, [...entry.path, 'status']);
          break;
      }
    }
  }
  return diagnostics;
};
