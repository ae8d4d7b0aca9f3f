import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SpecPath } from '../../load/parse-spec-file.js';
import { toIdentifier } from '../../model/identifiers.js';
import type { Rule } from '../rule-context.js';

/** Distinct names that would become the same member of one generated enum. */
export const checkIdentifiers: Rule = ({ files, entriesOf }) => {
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const { spec, source } = file;
    if (!spec.service) continue;
    const enums = new Map<string, Map<string, { name: string; path: SpecPath }>>();
    for (const entry of entriesOf(file)) {
      if (entry.kind === 'variant') continue;
      const group = entry.kind === 'category' ? 'categories' : entry.kind === 'embedded' ? 'embedded' : 'codes';
      const members = enums.get(group) ?? new Map<string, { name: string; path: SpecPath }>();
      enums.set(group, members);
      const identifier = toIdentifier(entry.name);
      const existing = members.get(identifier);
      if (existing && existing.name !== entry.name) {
        diagnostics.push(diagnostic('identifierCollision', source.locate(entry.path, 'key'), { code: entry.name, other: existing.name, identifier }));
      } else if (!existing) {
        members.set(identifier, { name: entry.name, path: entry.path });
      }
    }
  }
  return diagnostics;
};
