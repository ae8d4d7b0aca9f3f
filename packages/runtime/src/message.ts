import { codeKey, type CatalogCategory, type CatalogCode, type CatalogVariant, type ErrorSet, type Messages } from './catalog.js';
import { matchLocale } from './locale.js';
import { compileTemplate, type CompiledTemplate, type MessageParams } from './template.js';

/** Which message of a set: a code (with its category when the name alone is ambiguous), or a category alone. */
export interface MessageRef {
  readonly category?: string | undefined;
  readonly code?: string | undefined;
  /** For codes with variants (`read`, `write`); the first variant when absent. */
  readonly variant?: string | undefined;
  readonly params?: MessageParams | undefined;
}

/** A reference checked against its set. */
export interface ResolvedRef {
  /** `Category/Name`, `Name`, or the category's name for a category alone. */
  readonly key: string;
  readonly code: CatalogCode | undefined;
  readonly category: CatalogCategory | undefined;
  readonly variant: CatalogVariant | undefined;
}

const nameIndexes = new WeakMap<ErrorSet, Map<string, string[]>>();

function keysByName(set: ErrorSet): Map<string, string[]> {
  let index = nameIndexes.get(set);
  if (!index) {
    index = new Map();
    for (const [key, code] of Object.entries(set.codes)) index.set(code.name, [...(index.get(code.name) ?? []), key]);
    nameIndexes.set(set, index);
  }
  return index;
}

/** Finds what `ref` names in `set`, or throws a TypeError saying what is wrong (for callers without the generated types). */
export function resolveRef(set: ErrorSet, ref: MessageRef): ResolvedRef {
  const categories: Readonly<Record<string, CatalogCategory>> = set.categories;
  const codes: Readonly<Record<string, CatalogCode>> = set.codes;
  if (ref.code === undefined) {
    // Own properties only: `toString` or `__proto__` from untyped callers are unknown names, not Object.prototype's.
    const category = ref.category === undefined || !Object.hasOwn(categories, ref.category) ? undefined : categories[ref.category];
    if (!category?.message) {
      throw new TypeError(`${set.errorName}: ${ref.category === undefined ? 'a code or a category is required' : `unknown category ${ref.category}`}`);
    }
    if (ref.variant !== undefined) throw new TypeError(`${set.errorName}: category ${category.name} has no variant ${ref.variant}`);
    return { key: category.name, code: undefined, category, variant: undefined };
  }
  let key: string;
  if (ref.category !== undefined) {
    key = codeKey(ref.code, ref.category);
  } else {
    const keys = keysByName(set).get(ref.code) ?? [];
    if (keys.length > 1) {
      const choices = keys.map((candidate) => codes[candidate]!.category).join(', ');
      throw new TypeError(`${set.errorName}: code ${ref.code} exists under several categories (${choices}); pass its category`);
    }
    key = keys[0] ?? ref.code;
  }
  const code = Object.hasOwn(codes, key) ? codes[key] : undefined;
  if (!code) throw new TypeError(`${set.errorName}: unknown code ${key}`);
  const variants = code.variants ?? [];
  const variant = ref.variant === undefined ? variants[0] : variants.find((candidate) => candidate.when === ref.variant);
  if (ref.variant !== undefined && !variant) {
    const known = variants.length ? `; its variants are ${variants.map((candidate) => candidate.when).join(', ')}` : '';
    throw new TypeError(`${set.errorName}: code ${code.name} has no variant ${ref.variant}${known}`);
  }
  return { key, code, category: code.category === undefined ? undefined : categories[code.category], variant };
}

const compiled = new WeakMap<Messages, Map<string, CompiledTemplate>>();

/** The template for `locale` (or the default locale's when untranslated), compiled on first use and kept. */
function templateFor(messages: Messages, locale: string, set: ErrorSet, paramNames: readonly string[]): CompiledTemplate {
  let byLocale = compiled.get(messages);
  if (!byLocale) {
    byLocale = new Map();
    compiled.set(messages, byLocale);
  }
  let template = byLocale.get(locale);
  if (!template) {
    // Own properties only: a locale such as `constructor` is not a message.
    const text = (Object.hasOwn(messages, locale) ? messages[locale] : undefined) ?? (Object.hasOwn(messages, set.defaultLocale) ? messages[set.defaultLocale] : undefined);
    template = compileTemplate(text ?? '', paramNames);
    byLocale.set(locale, template);
  }
  return template;
}

/** The message of a resolved reference in `locale`, params filled in. */
export function formatResolved(set: ErrorSet, resolved: ResolvedRef, params: MessageParams | undefined, locale: string): string {
  const messages = resolved.variant?.message ?? resolved.code?.message ?? resolved.category?.message ?? {};
  const names = resolved.code?.params.map((param) => param.name) ?? [];
  return templateFor(messages, locale, set, names)(params);
}

/** The category's own message (rest-guidelines `error.message`). */
export function formatCategory(set: ErrorSet, category: CatalogCategory, locale: string): string {
  return category.message ? templateFor(category.message, locale, set, [])() : category.title;
}

/**
 * Formats the message `ref` names. `locale` may be any tag (`fr-CA` finds
 * `fr`); unknown or absent locales give the set's default locale.
 */
export function formatMessage(set: ErrorSet, ref: MessageRef, locale?: string): string {
  return formatResolved(set, resolveRef(set, ref), ref.params, matchLocale(locale, set.locales, set.defaultLocale));
}
