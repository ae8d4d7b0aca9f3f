import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { suggest } from '../../util/suggest.js';
import { isKnown, type Rule } from '../rule-context.js';

/**
 * A code's `section` names one of its service's `sections`: the docs list
 * each code under the section it names, so a misspelt key would drop the
 * code from the page its readers look in.
 */
export const checkSections: Rule = ({ files }) => {
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const { spec, source } = file;
    if (!spec.service) continue;
    // Sections the structural check left out are its own diagnostic; every name would look unknown.
    if (!isKnown(file, ['sections'])) continue;
    const sections = Object.keys(spec.sections ?? {});
    for (const [code, entry] of Object.entries(spec.codes ?? {})) {
      if (typeof entry.section !== 'string' || sections.includes(entry.section)) continue;
      const suggestion = suggest(entry.section, sections);
      diagnostics.push(diagnostic('unknownSection', source.locate(['codes', code, 'section']), { code, section: entry.section, sections, ...(suggestion ? { suggestion } : {}) }));
    }
  }
  return diagnostics;
};
