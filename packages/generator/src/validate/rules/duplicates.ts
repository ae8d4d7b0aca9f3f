import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { HTTP_CODES_PLACE, placesOf, type SpecFile } from '../../spec/spec-file.js';
import { isKnown, type Rule } from '../rule-context.js';

/**
 * A code name listed in several places of one service must say so on each
 * occurrence (`alsoIn`), so that every repetition in the catalog is a visible
 * decision rather than a copy-paste accident.
 */
export const checkDuplicates: Rule = ({ files, entriesOf }) => {
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const { spec, source } = file;
    if (!spec.service) continue;
    for (const [code, occurrences] of placesOf(entriesOf(file))) {
      // Listed once and claiming no other place: nothing to check (nearly every code of a large catalog).
      if (occurrences.length === 1 && !occurrences[0]!.code.alsoIn?.length) continue;
      const places = occurrences.map((occurrence) => occurrence.place);
      for (const occurrence of occurrences) {
        const others = places.filter((place) => place !== occurrence.place);
        const declared = occurrence.code.alsoIn ?? [];
        if (others.some((place) => !declared.includes(place)) && isKnown(file, [...occurrence.path, 'alsoIn'])) {
          diagnostics.push(diagnostic('unresolvedDuplicate', source.locate(occurrence.path, 'key'), { code, here: occurrence.place, others }));
        }
        for (const [index, place] of declared.entries()) {
          if (!others.includes(place) && !mayBeLeftOut(file, code, place)) diagnostics.push(diagnostic('alsoInMismatch', source.locate([...occurrence.path, 'alsoIn', index]), { code, place }));
        }
      }
    }
  }
  return diagnostics;
};

/** Whether the structural check left out `code` under `place` (or all of that place): then `alsoIn` may well be right. */
function mayBeLeftOut(file: SpecFile, code: string, place: string): boolean {
  const paths =
    place === HTTP_CODES_PLACE
      ? [['codes', code]]
      : [
          ['categories', place, 'codes', code],
          ['embedded', 'categories', place, 'codes', code],
        ];
  return paths.some((path) => !isKnown(file, path));
}
