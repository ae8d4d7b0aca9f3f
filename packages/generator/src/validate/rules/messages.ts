import { parseTemplate, placeholdersOf } from '@errcat/runtime';
import { diagnostic, type Diagnostic, type SourcePosition } from '../../diagnostics/diagnostic.js';
import type { SpecPath } from '../../load/parse-spec-file.js';
import type { LocalizedText, RawParam } from '../../spec/raw-spec.js';
import { messageEntries, type MessageEntry } from '../../spec/spec-file.js';
import { serviceLocales, type Rule } from '../rule-context.js';

/** Messages exist in the default locale, use the same placeholders in every locale, and match their params. */
export const checkMessages: Rule = (context) => {
  const diagnostics: Diagnostic[] = [];
  const { defaultLocale } = context;
  for (const file of context.files) {
    const { spec, source } = file;
    if (!spec.service) continue;
    const locales = serviceLocales(file, context);
    const at = (path: SpecPath, part?: 'key' | 'value') => source.locate(path, part);
    for (const entry of messageEntries(spec)) {
      const label = describeEntry(entry);
      const messagePath = [...entry.path, 'message'];
      if (entry.message) {
        for (const [locale, text] of Object.entries(entry.message)) {
          if (!locales.includes(locale)) {
            diagnostics.push(diagnostic('localeNotInService', at([...messagePath, locale], 'key'), { locale, service: spec.service.id, locales }));
          }
          if (text.trim() === '') diagnostics.push(diagnostic('emptyMessage', at([...messagePath, locale]), { locale }));
          for (const problem of parseTemplate(text).problems) {
            diagnostics.push(diagnostic('malformedPlaceholder', at([...messagePath, locale]), { text: problem.text }));
          }
        }
        const base = entry.message[defaultLocale];
        if (base === undefined) {
          diagnostics.push(diagnostic('missingDefaultMessage', at(messagePath, 'key'), { what: label, locale: defaultLocale }));
        } else {
          diagnostics.push(...comparePlaceholders(entry.message, defaultLocale, (locale) => at([...messagePath, locale])));
          const missing = locales.filter((locale) => locale !== defaultLocale && entry.message?.[locale] === undefined);
          if (missing.length > 0) diagnostics.push(diagnostic('missingTranslation', at(messagePath, 'key'), { what: label, locales: missing }));
        }
      } else if (needsMessage(entry)) {
        diagnostics.push(diagnostic('missingDefaultMessage', at(entry.path, 'key'), { what: label, locale: defaultLocale }));
      }
      if (entry.kind !== 'variant') {
        const texts = entry.kind === 'http' && entry.code.variants ? entry.code.variants.map((variant) => variant.message[defaultLocale]) : [entry.message?.[defaultLocale]];
        diagnostics.push(...checkParams(entry.params ?? [], texts, entry.path, at));
      }
    }
  }
  return diagnostics;
};

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
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const names = new Set<string>();
  for (const [index, param] of params.entries()) {
    if (names.has(param.name)) diagnostics.push(diagnostic('duplicateParam', at([...path, 'params', index, 'name']), { param: param.name }));
    names.add(param.name);
  }
  const used = new Set<string>();
  for (const text of texts) {
    for (const placeholder of placeholdersOf(text ?? '')) {
      const inner = placeholder.slice(1, -1);
      const index = /^\d+$/.test(inner) ? Number(inner) : params.findIndex((param) => param.name === inner);
      if (index < 0 || index >= params.length) {
        diagnostics.push(diagnostic('paramUndeclared', at(params.length ? [...path, 'params'] : [...path, 'message']), { placeholder }));
        continue;
      }
      used.add(params[index]!.name);
    }
  }
  for (const [index, param] of params.entries()) {
    if (!used.has(param.name)) {
      diagnostics.push(diagnostic('paramUnused', at([...path, 'params', index]), { param: param.name, placeholder: `{${index}} or {${param.name}}` }));
    }
  }
  return diagnostics;
}
