import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SpecPath } from '../../load/parse-spec-file.js';
import type { RawSection } from '../../spec/raw-spec.js';
import type { SpecFile } from '../../spec/spec-file.js';
import { suggest } from '../../util/suggest.js';
import { isKnown, type Rule, type RuleContext } from '../rule-context.js';

/**
 * A service's docs headings hold together: a code's `section` names one of
 * its service's `sections` (a misspelt key would drop the code from the page
 * its readers look in), every section has a title in the default locale (the
 * fallback of every other locale, else the heading is empty), and no two
 * headings of one page claim the same anchor (a link would land on the first).
 * Sections group a flat service's codes; beside categories they would be
 * silently ignored, so that is a warning.
 */
export const checkSections: Rule = (context) => {
  const diagnostics: Diagnostic[] = [];
  for (const file of context.files) {
    if (!file.spec.service) continue;
    diagnostics.push(...unknownSections(file), ...untitledSections(file, context), ...repeatedAnchors(file), ...ignoredSections(file));
  }
  return diagnostics;
};

function unknownSections(file: SpecFile): Diagnostic[] {
  const { spec, source } = file;
  // Sections the structural check left out are its own diagnostic; every name would look unknown.
  if (!isKnown(file, ['sections'])) return [];
  const sections = Object.keys(spec.sections ?? {});
  const diagnostics: Diagnostic[] = [];
  for (const [code, entry] of Object.entries(spec.codes ?? {})) {
    if (typeof entry.section !== 'string' || sections.includes(entry.section)) continue;
    const suggestion = suggest(entry.section, sections);
    diagnostics.push(diagnostic('unknownSection', source.locate(['codes', code, 'section']), { code, section: entry.section, sections, ...(suggestion ? { suggestion } : {}) }));
  }
  return diagnostics;
}

function ignoredSections({ spec, source }: SpecFile): Diagnostic[] {
  if (spec.sections === undefined || spec.categories === undefined) return [];
  return [diagnostic('sectionsBesideCategories', source.locate(['sections'], 'key'), { service: spec.service?.id ?? source.file })];
}

function untitledSections(file: SpecFile, { defaultLocale, localesUnknown }: RuleContext): Diagnostic[] {
  if (localesUnknown) return [];
  return documentedSections(file)
    .filter(({ path, section }) => isKnown(file, [...path, 'title']) && section.title?.[defaultLocale] === undefined)
    .map(({ path, label }) => diagnostic('sectionWithoutDefaultTitle', file.source.locate([...path, 'title'], 'key'), { section: label, locale: defaultLocale }));
}

function repeatedAnchors(file: SpecFile): Diagnostic[] {
  const { spec, source } = file;
  const headings: { anchor: string; path: SpecPath }[] = [
    ...documentedSections(file).flatMap(({ path, section }) => (typeof section.anchor === 'string' ? [{ anchor: section.anchor, path: [...path, 'anchor'] }] : [])),
    ...Object.entries(spec.categories ?? {}).flatMap(([name, category]) => (typeof category.anchor === 'string' ? [{ anchor: category.anchor, path: ['categories', name, 'anchor'] }] : [])),
  ];
  const firstAt = new Map<string, SpecPath>();
  const diagnostics: Diagnostic[] = [];
  for (const { anchor, path } of headings) {
    const first = firstAt.get(anchor);
    if (first === undefined) firstAt.set(anchor, path);
    else diagnostics.push(diagnostic('repeatedAnchor', source.locate(path), { anchor, first: first.slice(0, -1).join('.') }));
  }
  return diagnostics;
}

/** The service's sections and its embedded set's heading, with where each is written. */
function documentedSections({ spec }: SpecFile): { path: SpecPath; label: string; section: RawSection }[] {
  const sections = Object.entries(spec.sections ?? {}).map(([key, section]) => ({ path: ['sections', key], label: `section \`${key}\``, section }));
  const embedded = spec.embedded?.section;
  return embedded ? [...sections, { path: ['embedded', 'section'], label: 'the embedded set’s section', section: embedded }] : sections;
}
