import type { ParsedSpecFile, SpecPath } from '../load/parse-spec-file.js';
import type { LocalizedText, RawCategory, RawDetailCode, RawFailures, RawHttpCode, RawParam, RawSection, RawSettings, RawSpecFile } from '../spec/raw-spec.js';
import { resolveRef } from '../spec/resolve-ref.js';
import { resolvePackages, TARGET_ORDER } from './package-layout.js';
import type { SpecFile } from '../spec/spec-file.js';
import { byKey, compareText, sortedEntries } from '../util/sort.js';
import type { Catalog, Category, CodeRef, EmbeddedSet, ErrorCode, Failures, Localized, Origin, Param, Section, Service, SetHeading, Settings } from './catalog.js';


/**
 * Builds the Catalog model from files the validator accepted. Everything is
 * sorted and frozen, and defaults are filled in, so that targets never see
 * YAML order or optional fields they would have to interpret.
 */
export function normalizeCatalog(files: readonly SpecFile[]): Catalog {
  const settingsFile = files.find((file) => file.spec.settings);
  if (!settingsFile?.spec.settings) throw new Error('normalizeCatalog needs validated files with settings');
  const settings = normalizeSettings(settingsFile.spec.settings);
  const services = byKey(
    files.filter((file) => file.spec.service).map((file) => normalizeService(file, settings)),
    (service) => service.id,
  );
  return deepFreeze({ settings, services });
}

function normalizeSettings(raw: RawSettings): Settings {
  const packages = resolvePackages(raw);
  return {
    scope: raw.scope,
    packages,
    metadata: {
      ...(raw.package?.license ? { license: raw.package.license } : {}),
      ...(raw.package?.author ? { author: raw.package.author } : {}),
      ...(raw.package?.repository ? { repository: raw.package.repository } : {}),
      ...(raw.package?.homepage ? { homepage: raw.package.homepage } : {}),
    },
    jsonSchemaIdBase: raw.jsonSchema?.idBase ?? `urn:errcat:${packages['json-schema'].name}:schemas:`,
    targets: TARGET_ORDER.filter((target) => raw.targets.includes(target)),
    defaultLocale: raw.locales.default,
    locales: localeOrder(raw.locales.supported, raw.locales.default),
    enumStyle: raw.typescript?.enumStyle ?? 'enum',
  };
}

function normalizeService({ spec, source }: SpecFile, settings: Settings): Service {
  const raw = spec.service!;
  const defaultLocale = settings.defaultLocale;
  const categories = sortedEntries(spec.categories ?? {}).map(([name, category]) => normalizeCategory(name, category, source, defaultLocale));
  const codes: ErrorCode[] = [];
  for (const [categoryName, category] of sortedEntries(spec.categories ?? {})) {
    for (const [name, code] of sortedEntries(category.codes ?? {})) {
      codes.push(normalizeDetailCode(name, code, categoryName, category, source, defaultLocale));
    }
  }
  for (const [name, code] of sortedEntries(spec.codes ?? {})) codes.push(normalizeHttpCode(name, code, source, defaultLocale));
  const sections = normalizeSections(spec, source, defaultLocale);
  return {
    id: raw.id,
    name: raw.name,
    title: raw.title,
    ...(raw.description ? { description: localized(raw.description, defaultLocale) } : {}),
    wireFormat: raw.wireFormat,
    ...(raw.errorCodeHeader ? { errorCodeHeader: raw.errorCodeHeader } : {}),
    ...(raw.problemTypeBase ? { problemTypeBase: raw.problemTypeBase } : {}),
    locales: localeOrder(raw.locales ?? [defaultLocale], defaultLocale),
    defaultLocale,
    languageTags: Object.fromEntries(sortedEntries(raw.languageTags ?? {})),
    sources: (raw.sources ?? []).map((entry) => ({ title: entry.title, locale: entry.locale, ...(entry.date ? { date: entry.date } : {}) })),
    failures: normalizeFailures(spec, raw.failures),
    categories,
    codes: byKey(codes, (code) => code.key),
    sections,
    ...(spec.embedded ? { embedded: normalizeEmbedded(spec, source, defaultLocale) } : {}),
    origin: originOf(source, ['service']),
  };
}

function normalizeCategory(name: string, raw: RawCategory, source: ParsedSpecFile, defaultLocale: string): Category {
  return {
    name,
    title: raw.title ?? name,
    status: raw.status!,
    ...(raw.anchor ? { anchor: raw.anchor } : {}),
    message: localized(raw.message, defaultLocale),
    ...(raw.description ? { description: localized(raw.description, defaultLocale) } : {}),
    codes: Object.keys(raw.codes ?? {}).sort(compareText),
    origin: originOf(source, ['categories', name]),
  };
}

function normalizeDetailCode(name: string, raw: RawDetailCode, categoryName: string, category: RawCategory, source: ParsedSpecFile, defaultLocale: string): ErrorCode {
  const status = raw.status ?? category.status!;
  return {
    name,
    key: `${categoryName}/${name}`,
    category: categoryName,
    status,
    statuses: [status],
    variants: NONE,
    message: localized(raw.message ?? category.message, defaultLocale),
    messageFromCategory: raw.message === undefined,
    params: normalizeParams(raw.params),
    alsoIn: sortedNames(raw.alsoIn),
    ...(raw.note ? { note: raw.note } : {}),
    origin: originOf(source, ['categories', categoryName, 'codes', name]),
  };
}

function normalizeHttpCode(name: string, raw: RawHttpCode, source: ParsedSpecFile, defaultLocale: string): ErrorCode {
  const variants = raw.variants?.length ? raw.variants.map((variant) => ({ when: variant.when, status: variant.status, message: localized(variant.message, defaultLocale) })) : NONE;
  const first = variants[0];
  const status = first?.status ?? raw.status!;
  return {
    name,
    key: name,
    status,
    statuses: [...new Set(variants.length ? variants.map((variant) => variant.status) : [status])].sort((a, b) => a - b),
    variants,
    message: first?.message ?? localized(raw.message!, defaultLocale),
    messageFromCategory: false,
    params: normalizeParams(raw.params),
    ...(raw.section ? { section: raw.section } : {}),
    alsoIn: sortedNames(raw.alsoIn),
    ...(raw.note ? { note: raw.note } : {}),
    origin: originOf(source, ['codes', name]),
  };
}

/**
 * Sections keep the order written (YAML mappings keep theirs): it is the
 * order of the source pages, which the docs give back. So do their codes.
 */
function normalizeSections(spec: RawSpecFile, source: ParsedSpecFile, defaultLocale: string): Section[] {
  // The codes grouped in one pass: a service can have thousands.
  const bySection = new Map<string, string[]>();
  for (const [name, code] of Object.entries(spec.codes ?? {})) {
    if (code.section === undefined) continue;
    const codes = bySection.get(code.section);
    if (codes) codes.push(name);
    else bySection.set(code.section, [name]);
  }
  return Object.entries(spec.sections ?? {}).map(([key, raw]) => ({
    key,
    ...sectionHeading(raw, defaultLocale),
    codes: bySection.get(key) ?? [],
    origin: originOf(source, ['sections', key]),
  }));
}

function sectionHeading(raw: RawSection, defaultLocale: string): SetHeading {
  return {
    title: localized(raw.title, defaultLocale),
    ...(raw.description ? { description: localized(raw.description, defaultLocale) } : {}),
    ...(raw.anchor ? { anchor: raw.anchor } : {}),
  };
}

function normalizeEmbedded(spec: RawSpecFile, source: ParsedSpecFile, defaultLocale: string): EmbeddedSet {
  const raw = spec.embedded!;
  // Positions as written, before sorting: the docs list categories and codes in the source's order.
  const writtenCategories = positions(Object.keys(raw.categories));
  const writtenCodes = positions(Object.entries(raw.categories).flatMap(([categoryName, category]) => Object.keys(category.codes ?? {}).map((name) => `${categoryName}/${name}`)));
  const categories = sortedEntries(raw.categories).map(([name, category]) => ({
    name,
    title: category.title ?? name,
    ...(category.description ? { description: localized(category.description, defaultLocale) } : {}),
    order: writtenCategories.get(name)!,
    origin: originOf(source, ['embedded', 'categories', name]),
  }));
  const codes = sortedEntries(raw.categories).flatMap(([categoryName, category]) =>
    sortedEntries(category.codes ?? {}).map(([name, code]) => ({
      name,
      category: categoryName,
      reportedIn: [...code.reportedIn].sort(compareText),
      order: writtenCodes.get(`${categoryName}/${name}`)!,
      message: localized(code.message, defaultLocale),
      params: normalizeParams(code.params),
      alsoIn: sortedNames(code.alsoIn),
      ...(code.note ? { note: code.note } : {}),
      origin: originOf(source, ['embedded', 'categories', categoryName, 'codes', name]),
    })),
  );
  return {
    name: raw.name,
    title: raw.title,
    ...(raw.section ? { section: sectionHeading(raw.section, defaultLocale) } : {}),
    wireFormat: raw.wireFormat,
    categories, codes: byKey(codes, (code) => `${code.name}/${code.category}`) };
}

function positions(keys: readonly string[]): Map<string, number> {
  return new Map(keys.map((key, index) => [key, index]));
}

function normalizeFailures(spec: RawSpecFile, raw: RawFailures): Failures {
  const ref = (text: string): CodeRef => {
    const resolved = resolveRef(spec, text);
    if (resolved.kind === 'code') return { kind: 'code', key: resolved.key };
    if (resolved.kind === 'category') return { kind: 'category', category: resolved.category };
    throw new Error(`unresolved failure reference ${text} reached normalization`);
  };
  return {
    internal: ref(raw.internal),
    malformedBody: ref(raw.malformedBody),
    bodyTooLarge: ref(raw.bodyTooLarge),
    notFound: ref(raw.notFound),
    validation: ref(raw.validation),
    ...(raw.statuses === undefined || Object.keys(raw.statuses).length === 0
      ? {}
      : { statuses: Object.fromEntries(Object.keys(raw.statuses).sort((a, b) => Number(a) - Number(b)).map((status) => [status, ref(raw.statuses![status]!)])) }),
  };
}

/**
 * The one empty list every code without variants, params or `alsoIn` shares:
 * the catalog is frozen, so sharing it is safe, and a catalog of 10,000
 * codes has that many fewer objects to build and freeze.
 */
const NONE: readonly never[] = Object.freeze([]);

function sortedNames(names: readonly string[] | undefined): readonly string[] {
  return names === undefined || names.length === 0 ? NONE : [...names].sort(compareText);
}

function normalizeParams(raw: readonly RawParam[] | undefined): readonly Param[] {
  if (raw === undefined || raw.length === 0) return NONE;
  return raw.map((param, index) => ({
    name: param.name,
    type: param.type,
    index,
    ...(param.description ? { description: param.description } : {}),
  }));
}

/**
 * Locale-keyed text with keys sorted; `first` (the default locale) leads.
 * Built key by key, as every message of the catalog is: the keys are
 * locale tags (the schema says so), never a name such as `__proto__`.
 */
function localized(text: LocalizedText, first: string): Localized {
  const keys = Object.keys(text);
  if (keys.length > 1) keys.sort(localeComparer(first));
  const result: Record<string, string> = {};
  for (const key of keys) result[key] = text[key]!;
  return result;
}

function localeOrder(locales: readonly string[], first: string): string[] {
  return [...new Set(locales)].sort(localeComparer(first));
}

/** `first`, then the others in text order. */
function localeComparer(first: string): (a: string, b: string) => number {
  return (a, b) => (a === first ? -1 : b === first ? 1 : compareText(a, b));
}

// Positions are not looked up here: finding them means a second, slower YAML
// parse, which only diagnostics need.
function originOf(source: ParsedSpecFile, path: SpecPath): Origin {
  return { file: source.file, path: path.join('.') };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Own keys only (the model's objects are plain), without building a list of values for each.
    for (const key in value) {
      const child: unknown = value[key];
      if (typeof child === 'object' && child !== null) deepFreeze(child);
    }
  }
  return value;
}
