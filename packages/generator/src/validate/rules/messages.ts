import { diagnostic, type Diagnostic, type SourcePosition } from '../../diagnostics/diagnostic.js';
import type { SpecPath } from '../../load/parse-spec-file.js';
import type { LocalizedText, RawParam } from '../../spec/raw-spec.js';
import type { MessageEntry } from '../../spec/spec-file.js';
import { isKnown, isWhole, serviceLocales, type Rule } from '../rule-context.js';
import { templateFacts, type TemplateFacts } from '../template-facts.js';

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
    // Case-insensitively: `locales: [EN]` is one mistake (E206), not one per message.
    const declared = new Set(locales.map((locale) => locale.toLowerCase()));
    // Locales the structural check left out (its own diagnostic) say nothing about which texts belong:
    // the service's (E207, W407) or the settings' (the default locale: E401, E402, W407).
    const serviceLocalesKnown = isKnown(file, ['service', 'locales']);
    const defaultKnown = !localesUnknown;
    // Translations are expected only in declared locales that are also supported: an unsupported one
    // (E206, say `EN` for `en`) is one mistake, not one missing translation per message.
    const translated = locales.filter((locale) => locale !== defaultLocale && (!settings || supportedLocales.includes(locale)));
    const at = (path: SpecPath, part?: 'key' | 'value') => source.locate(path, part);
    // A code's variants' texts, read for its params' check before the variants' own entries come:
    // by code name and variant index (`codes` names each code once per file).
    const variantTexts = new Map<string, MessageText[]>();
    const variantKey = (code: string, index: unknown) => `${code}\u0000${String(index)}`;
    for (const entry of context.entriesOf(file)) {
      const messagePath = [...entry.path, 'message'];
      // Each text is read once, for every check below.
      const texts = (entry.kind === 'variant' ? variantTexts.get(variantKey(entry.name, entry.path.at(-1))) : undefined) ?? (entry.message ? textsOf(entry.message) : []);
      if (entry.message) {
        for (const { locale, text, facts } of texts) {
          if (serviceLocalesKnown && !declared.has(locale.toLowerCase())) {
            diagnostics.push(diagnostic('localeNotInService', at([...messagePath, locale], 'key'), { locale, service: spec.service.id ?? source.file, locales }));
          }
          if (text.trim() === '') diagnostics.push(diagnostic('emptyMessage', at([...messagePath, locale]), { locale }));
          for (const problem of facts.problems) {
            diagnostics.push(diagnostic('malformedPlaceholder', at([...messagePath, locale]), { text: problem.text }));
          }
        }
        const base = entry.message[defaultLocale];
        if (!defaultKnown) {
          // Nothing to compare with.
        } else if (base === undefined) {
          if (isWhole(file, messagePath)) diagnostics.push(diagnostic('missingDefaultMessage', at(messagePath, 'key'), { what: describeEntry(entry), locale: defaultLocale }));
        } else {
          comparePlaceholders(texts, defaultLocale, (locale) => at([...messagePath, locale]), diagnostics);
          const missing = translated.filter((locale) => entry.message?.[locale] === undefined);
          if (missing.length > 0 && serviceLocalesKnown && isWhole(file, messagePath)) {
            diagnostics.push(diagnostic('missingTranslation', at(messagePath, 'key'), { what: describeEntry(entry), locales: missing }));
          }
        }
      } else if (needsMessage(entry) && defaultKnown && isKnown(file, messagePath) && isKnown(file, [...entry.path, 'variants'])) {
        diagnostics.push(diagnostic('missingDefaultMessage', at(entry.path, 'key'), { what: describeEntry(entry), locale: defaultLocale }));
      }
      if (entry.kind !== 'variant') {
        // A param counts as used when any locale uses it: a message missing in
        // the default locale (E401) must not make its params look unused.
        const variants = entry.kind === 'http' ? entry.code.variants?.map((variant) => textsOf(variant.message)) : undefined;
        variants?.forEach((variant, index) => variantTexts.set(variantKey(entry.name, index), variant));
        const used = variants ? variants.flatMap((variant) => variant.map((text) => text.facts)) : texts.map((text) => text.facts);
        // What the structural check left out: params (so placeholders look undeclared), or texts (so params look unused).
        const known = {
          params: isWhole(file, [...entry.path, 'params']),
          texts: isWhole(file, [...entry.path, 'message']) && isWhole(file, [...entry.path, 'variants']),
        };
        checkParams(entry.params ?? [], used, entry.path, at, known, diagnostics);
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

/** A message's texts by locale, each with what its template holds. */
interface MessageText {
  locale: string;
  text: string;
  facts: TemplateFacts;
}

function textsOf(message: LocalizedText): MessageText[] {
  return Object.entries(message).map(([locale, text]) => ({ locale, text, facts: templateFacts(text) }));
}

// The checks below add to the rule's list rather than return one each: a
// catalog of 10,000 codes would build and spread 20,000 empty lists.

function comparePlaceholders(texts: readonly MessageText[], defaultLocale: string, at: (locale: string) => SourcePosition, diagnostics: Diagnostic[]): void {
  const expected = texts.find((text) => text.locale === defaultLocale)?.facts.sorted ?? [];
  for (const { locale, text, facts } of texts) {
    if (locale === defaultLocale || text.trim() === '') continue;
    const actual = facts.sorted;
    if (!sameList(actual, expected)) {
      diagnostics.push(diagnostic('placeholderMismatch', at(locale), { locale, defaultLocale, expected: [...expected], actual: [...actual] }));
    }
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function checkParams(
  params: readonly RawParam[],
  texts: readonly TemplateFacts[],
  path: SpecPath,
  at: (path: SpecPath, part?: 'key' | 'value') => SourcePosition,
  known: { params: boolean; texts: boolean },
  diagnostics: Diagnostic[],
): void {
  const names = new Set<string>();
  for (const [index, param] of params.entries()) {
    if (names.has(param.name)) diagnostics.push(diagnostic('duplicateParam', at([...path, 'params', index, 'name']), { param: param.name }));
    else if (OBJECT_PROPERTIES.has(param.name)) diagnostics.push(diagnostic('reservedParamName', at([...path, 'params', index, 'name']), { param: param.name }));
    names.add(param.name);
  }
  const used = new Set<string>();
  const undeclared = new Set<string>();
  for (const text of texts) {
    for (const placeholder of text.placeholders) {
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
}
