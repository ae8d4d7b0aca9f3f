import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { TargetName } from '../../spec/raw-spec.js';
import type { SpecFile } from '../../spec/spec-file.js';
import { isKnown, type Rule } from '../rule-context.js';

/** The generated express and fastify packages import the codes package, and fastify the JSON Schemas too. */
const TARGET_NEEDS: Partial<Record<TargetName, TargetName[]>> = {
  express: ['codes'],
  fastify: ['codes', 'json-schema'],
};

/** One settings block, unique service ids, codes only in service files, sections that fit the wire format. */
export const checkSettingsAndServices: Rule = ({ files, settings, defaultLocale, supportedLocales, someFilesUnreadable, localesUnknown }) => {
  const diagnostics: Diagnostic[] = [];
  const withSettings = files.filter((file) => file.spec.settings);
  if (withSettings.length === 0 && files.length > 0 && !someFilesUnreadable) {
    diagnostics.push(diagnostic('settingsMissing', { file: files[0]!.source.file, line: 0, column: 0 }, {}));
  }
  const firstSettings = withSettings[0];
  for (const file of withSettings.slice(1)) {
    const first = firstSettings!.source.locate(['settings'], 'key');
    diagnostics.push(diagnostic('settingsRepeated', file.source.locate(['settings'], 'key'), { first: `${first.file}:${first.line}:${first.column}` }));
  }
  // Targets the structural check left out (a target it does not know) cannot be judged.
  if (settings?.targets && firstSettings) {
    for (const [index, target] of settings.targets.entries()) {
      const needs = (TARGET_NEEDS[target] ?? []).filter((needed) => !settings.targets.includes(needed));
      if (needs.length > 0) diagnostics.push(diagnostic('targetNeedsTarget', firstSettings.source.locate(['settings', 'targets', index]), { target, needs }));
    }
  }
  const localesKnown = settings !== undefined && !localesUnknown;
  if (localesKnown && !supportedLocales.includes(defaultLocale)) {
    diagnostics.push(diagnostic('defaultLocaleNotSupported', firstSettings!.source.locate(['settings', 'locales', 'default']), { locale: defaultLocale }));
  }
  const seenIds = new Map<string, SpecFile>();
  for (const file of files) {
    const { spec, source } = file;
    const hasCodes = spec.categories !== undefined || spec.codes !== undefined || spec.embedded !== undefined;
    if (spec.settings && spec.service) diagnostics.push(diagnostic('settingsWithService', source.locate(['service'], 'key'), {}));
    if (!spec.service) {
      // A `service:` the structural check left out is already reported there.
      if (hasCodes && isKnown(file, ['service'])) diagnostics.push(diagnostic('codesWithoutService', source.locate([]), {}));
      continue;
    }
    const service = spec.service;
    const first = service.id === undefined ? undefined : seenIds.get(service.id);
    if (service.id === undefined) {
      // Missing or left out: reported by the structural check.
    } else if (first) {
      const at = first.source.locate(['service', 'id']);
      diagnostics.push(diagnostic('serviceRepeated', source.locate(['service', 'id']), { id: service.id, first: `${at.file}:${at.line}:${at.column}` }));
    } else {
      seenIds.set(service.id, file);
    }
    for (const [index, locale] of (service.locales ?? []).entries()) {
      if (localesKnown && !supportedLocales.includes(locale)) {
        const suggestion = supportedLocales.find((candidate) => candidate.toLowerCase() === locale.toLowerCase());
        diagnostics.push(diagnostic('unsupportedLocale', source.locate(['service', 'locales', index]), { locale, supported: supportedLocales, suggestion }));
      }
    }
    // `EN` for `en` is already E206 with a suggestion, and an unsupported default E208; say each once.
    const defaultSupported = !settings || (localesKnown && supportedLocales.includes(defaultLocale));
    if (defaultSupported && service.locales && !service.locales.some((locale) => locale.toLowerCase() === defaultLocale.toLowerCase())) {
      diagnostics.push(diagnostic('serviceWithoutDefaultLocale', source.locate(['service', 'locales']), { locale: defaultLocale }));
    }
    if (service.wireFormat === 'rest-guidelines' && spec.codes) {
      diagnostics.push(diagnostic('wrongSection', source.locate(['codes'], 'key'), { section: 'codes', wireFormat: service.wireFormat, expected: 'categories' }));
    }
    if (service.wireFormat !== 'rest-guidelines' && service.wireFormat !== undefined && spec.categories) {
      diagnostics.push(diagnostic('wrongSection', source.locate(['categories'], 'key'), { section: 'categories', wireFormat: service.wireFormat, expected: 'codes' }));
    }
    for (const name of Object.keys(spec.embedded?.categories ?? {})) {
      if (spec.categories?.[name]) diagnostics.push(diagnostic('categoryKeyReused', source.locate(['embedded', 'categories', name], 'key'), { category: name }));
    }
  }
  return diagnostics;
};
