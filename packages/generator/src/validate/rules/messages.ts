import { parseTemplate, placeholdersOf } from '@errcat/runtime';
import { diagnostic, type Diagnostic, type SourcePosition } from '../../diagnostics/diagnostic.js';
import type { SpecPath } from '../../load/parse-spec-file.js';
import type { LocalizedText, RawParam } from '../../spec/raw-spec.js';
import { messageEntries, type MessageEntry } from '../../spec/spec-file.js';
import { isKnown, isWhole, serviceLocales, type Rule } from '../rule-context.js';

/** Messages exist in the default locale, use the same placeholders in every locale, and match their params. */
export const checkMessages: Rule = (context) => {
  const diagnostics: Diagnostic[] = [];
  const { defaultLocale, supportedLocales, settings, localesUnknown } = context;
  // With the default locale itself unsupported (E208), every message would
  // "lack" it; that one diagnostic says all there is to say.
  if (settings && !localesUnknown && !supportedLocales.includes(defaultLocale)) return diagnostics;
  for (const file of context.files) {
    const { spec, source } = file;
    if (!spec.service) continue;
    const locales = serviceLocales(file, context);
    // Locales the structural check left out (its own diagnostic) say nothing about which texts belong:
    // the service's (E207, W407) or the settings' (the default locale: E401, E402, W407).
    const serviceLocalesKnown = isKnown(file, ['service', 'locales']);
    const defaultKnown = !localesUnknown;
    // Translations are expected only in declared locales that are also supported: an unsupported one
    // (E206, say `EN` for `en`) is one mistake, not one missing translation per message.
    const translated = locales.filter((locale) => locale !== defaultLocale && (!settings || supportedLocales.includes(locale)));
    const at = (path: SpecPath, part?: 'key' | 'value') => source.locate(path, part);
    for (const entry of messageEntries(spec)) {
      const label = describeEntry(entry);
      const messagePath = [...entry.path, 'message'];
      if (entry.message) {
        for (const [locale, text] of Object.entries(entry.message)) {
          // Case-insensitively: `locales: [EN]` is one mistake (E206), not one per message.
          if (serviceLocalesKnown && !locales.some((declared) => declared.toLowerCase() === locale.toLowerCase())) {
            diagnostics.push(diagnostic('localeNotInService', at([...messagePath, locale], 'key'), { locale, service: spec.service.id ?? source.file, locales }));
          }
          if (text.trim() === '') diagnostics.push(diagnostic('emptyMessage', at([...messagePath, locale]), { locale }));
          for (const problem of parseTemplate(text).problems) {
            diagnostics.push(diagnostic('malformedPlaceholder', at([...messagePath, locale]), { text: problem.text }));
          }
        }
        const base = entry.message[defaultLocale];
        if (!defaultKnown) {
          // Nothing to compare with.
        } else if (base === undefined) {
          if (isWhole(file, messagePath)) diagnostics.push(diagnostic('missingDefaultMessage', at(messagePath, 'key'), { what: label, locale: defaultLocale }));
        } else {
          diagnostics.push(...comparePlaceholders(entry.message, defaultLocale, (locale) => at([...messagePath, locale])));
          const missing = translated.filter((locale) => entry.message?.[locale] === undefined);
          if (missing.length > 0 && serviceLocalesKnown && isWhole(file, messagePath)) {
            diagnostics.push(diagnostic('missingTranslation', at(messagePath, 'key'), { what: label, locales: missing }));
          }
        }
      } else if (needsMessage(entry) && defaultKnown && isKnown(file, messagePath) && isKnown(file, [...entry.path, 'variants'])) {
        diagnostics.push(diagnostic('missingDefaultMessage', at(entry.path, 'key'), { what: label, locale: defaultLocale }));
      }
      if (entry.kind !== 'variant') {
        // A param counts as used when any locale uses it: a message missing in
        // the default locale (E401) must not make its params look unused.
        const messages = entry.kind === 'http' && entry.code.variants ? entry.code.variants.map((variant) => variant.message) : [entry.message ?? {}];
        const texts = messages.flatMap((message) => Object.values(message));
        // What the structural check left out: params (so placeholders look undeclared), or texts (so params look unused).
        const known = {
          params: isWhole(file, [...entry.path, 'params']),
          texts: isWhole(file, [...entry.path, 'message']) && isWhole(file, [...entry.path, 'variants']),
        };
        diagnostics.push(...checkParams(entry.params ?? [], texts, entry.path, at, known));
      }
    }
  }
  return diagnostics;
};

/**
 * Names every object answers to (`constructor`, `toString`, …): params are
 * passed as an object, so `{ toString }` would be found on every call, given
 * or not, and generated types could not tell them apart.
 */
const OBJECT_PROPERTIES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

function needsMessage(entry: MessageEntry): boolean {
  if (entry.kind === 'detail') return false;
  if (entry.kind === 'http') return entry.code.variants === undefined;
  return true;
}

function describeEntry(entry: MessageEntry): string {
  switch (entry.kind) {
    case 'category':
      return `category ${entry.name}`;
    case 'detail':
    case 'embedded':
      return `${entry.category}/${entry.name}`;
    case 'variant':
      return `${entry.name} variant \`${entry.variant.when}\``;
    case 'http':
      return entry.name;
  }
}

function comparePlaceholders(message: LocalizedText, defaultLocale: string, at: (locale: string) => SourcePosition): Diagnostic[] {
  const expected = [...placeholdersOf(message[defaultLocale] ?? '')].sort();
  const diagnostics: Diagnostic[] = [];
  for (const [locale, text] of Object.entries(message)) {
    if (locale === defaultLocale || text.trim() === '') continue;
    const actual = [...placeholdersOf(text)].sort();
    if (actual.join() !== expected.join()) {
      diagnostics.push(diagnostic('placeholderMismatch', at(locale), { locale, defaultLocale, expected, actual }));
    }
  }
  return diagnostics;
}

function checkParams(
  params: readonly RawParam[],
  texts: ReadonlyArray<string | undefined>,
  path: SpecPath,
  at: (path: SpecPath, part?: 'key' | 'value') => SourcePosition,
  known: { params: boolean; texts: boolean },
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const names = new Set<string>();
  for (const [index, param] of params.entries()) {
    if (names.has(param.name)) diagnostics.push(diagnostic('duplicateParam', at([...path, 'params', index, 'name']), { param: param.name }));
    else if (OBJECT_PROPERTIES.has(param.name)) diagnostics.push(diagnostic('reservedParamName', at([...path, 'params', index, 'name']), { param: param.name }));
    names.add(param.name);
  }
  const used = new Set<string>();
  const undeclared = new Set<string>();
  for (const text of texts) {
    for (const placeholder of placeholdersOf(text ?? '')) {
      const inner = placeholder.slice(1, -1);
      const index = /^\d+$/.test(inner) ? Number(inner) : params.findIndex((param) => param.name === inner);
      if (index < 0 || index >= params.length) undeclared.add(placeholder);
      else used.add(params[index]!.name);
    }
  }
  for (const placeholder of known.params ? undeclared : []) {
    diagnostics.push(diagnostic('paramUndeclared', at(params.length ? [...path, 'params'] : [...path, 'message']), { placeholder }));
  }
  for (const [index, param] of params.entries()) {
    if (!used.has(param.name) && known.texts) {
      diagnostics.push(diagnostic('paramUnused', at([...path, 'params', index]), { param: param.name, placeholder: `{${index}} or {${param.name}}` }));
    }
  }
  return diagnostics;
}
