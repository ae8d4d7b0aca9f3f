import type {
  LocalizedText,
  RawCategory,
  RawDetailCode,
  RawEmbeddedCode,
  RawEmbedded,
  RawFailures,
  RawHttpCode,
  RawSpecFile,
} from '../spec/raw-spec.js';
import { placesOf } from '../spec/spec-file.js';
import { byKey } from '../util/sort.js';
import { ImportProblem, type PageCatalog, type PageCategory, type PageRow } from './read-page.js';

export interface ImportedService {
  serviceId: string;
  spec: RawSpecFile;
  /** What the importer decided for the user to review (merged rows, guessed failure codes). */
  decisions: string[];
}

/**
 * Merges the pages of each service (the default-locale page and its
 * translations) into one spec file. Translations are matched to the
 * default-locale page by section anchor and code, never by visible heading.
 */
export function buildSpecs(pages: readonly PageCatalog[], defaultLocale: string): ImportedService[] {
  const groups = new Map<string, PageCatalog[]>();
  for (const page of pages) groups.set(page.assetId, [...(groups.get(page.assetId) ?? []), page]);
  return byKey([...groups.values()], (group) => group[0]?.assetId ?? '').map((group) => buildService(group, defaultLocale));
}

function buildService(pages: PageCatalog[], defaultLocale: string): ImportedService {
  const base = pages.filter((page) => page.locale === defaultLocale);
  const first = pages[0];
  if (base.length !== 1 || !base[0]) {
    const files = pages.map((page) => `${page.file} (${page.locale})`).join(', ');
    throw new ImportProblem(first?.file ?? '', 1, base.length === 0
      ? `no page in the default locale ${defaultLocale} among ${files}; import it too, or mark its locale with --locale`
      : `two pages claim the default locale ${defaultLocale}: ${files}; mark the translation's locale with --locale FILE=TAG`);
  }
  const main = base[0];
  const translations = byKey(pages.filter((page) => page !== main), (page) => page.locale);
  const locales = [main.locale, ...translations.map((page) => page.locale)];
  const decisions: string[] = [];
  const spec: RawSpecFile = {
    service: {
      id: main.serviceId,
      name: pascalCase(main.serviceId),
      title: main.title,
      ...(main.intro.length > 0 ? { description: localized(pages, (page) => page.intro.join('\n\n') || undefined) } : {}),
      wireFormat: main.categories.length > 0 ? 'rest-guidelines' : 'batch',
      locales,
      sources: [main, ...translations].map((page) => ({ title: page.title, locale: page.locale, ...(page.date ? { date: page.date } : {}) })),
      failures: { internal: '', malformedBody: '', bodyTooLarge: '', notFound: '', validation: '' },
    },
  };
  if (main.categories.length > 0) spec.categories = buildCategories(main, translations, decisions);
  if (main.httpCodes.length > 0) spec.codes = buildHttpCodes(main, decisions);
  if (main.embeddedCodes.length > 0) spec.embedded = buildEmbedded(main, decisions);
  markSharedNames(spec);
  spec.service!.failures = guessFailures(spec, decisions);
  return { serviceId: main.serviceId, spec, decisions };
}

function buildCategories(main: PageCatalog, translations: PageCatalog[], decisions: string[]): Record<string, RawCategory> {
  const categories: Record<string, RawCategory> = {};
  for (const category of main.categories) {
    const counterparts = new Map<string, PageCategory>();
    for (const page of translations) {
      const match = page.categories.find((candidate) => candidate.anchor === category.anchor);
      if (!match) throw new ImportProblem(page.file, 1, `no section with anchor "${category.anchor}" (${category.name} in ${main.file}); is this a translation of the same page?`);
      counterparts.set(page.locale, match);
    }
    const inLocale = (page: PageCatalog): PageCategory | undefined => (page === main ? category : counterparts.get(page.locale));
    const all = [main, ...translations];
    const raw: RawCategory = {
      status: category.status,
      anchor: category.anchor,
      message: localized(all, (page) => inLocale(page)?.message),
    };
    if (category.description) raw.description = localized(all, (page) => inLocale(page)?.description);
    if (category.codes.length > 0) {
      raw.codes = {};
      for (const row of category.codes) {
        const texts = localized(all, (page) => findRow(page, inLocale(page), row)?.message);
        raw.codes[row.code] = detailCode(texts, main.locale);
        if (raw.codes[row.code]?.message === undefined) {
          decisions.push(`${category.name}/${row.code}: no message in any locale; it answers with its category's message`);
        }
      }
    }
    categories[category.name] = raw;
  }
  return categories;
}

function findRow(page: PageCatalog, category: PageCategory | undefined, row: PageRow): PageRow | undefined {
  const found = category?.codes.find((candidate) => candidate.code === row.code);
  if (category && !found) throw new ImportProblem(page.file, category.line, `${row.code} is missing from section "${category.anchor}"`);
  return found;
}

function detailCode(texts: LocalizedText, defaultLocale: string): RawDetailCode {
  if (!texts[defaultLocale]) return {};
  return withParams<RawDetailCode>({ message: texts }, texts[defaultLocale]);
}

function buildHttpCodes(main: PageCatalog, decisions: string[]): Record<string, RawHttpCode> {
  const codes: Record<string, RawHttpCode> = {};
  const rowsByCode = new Map<string, typeof main.httpCodes>();
  for (const row of main.httpCodes) rowsByCode.set(row.code, [...(rowsByCode.get(row.code) ?? []), row]);
  for (const [code, rows] of rowsByCode) {
    const distinct = rows.filter((row, index) => rows.findIndex((other) => other.status === row.status && other.message === row.message) === index);
    const lines = rows.map((row) => row.line).join(' and ');
    if (distinct.length === 1) {
      const [row] = distinct as [PageRow & { status: number }];
      codes[code] = withParams<RawHttpCode>({ status: row.status, message: { [main.locale]: row.message } }, row.message);
      if (rows.length > 1) {
        codes[code].note = `Listed ${rows.length} times in the source with the same status and message; merged into one code.`;
        decisions.push(`${code}: identical rows at lines ${lines} of ${main.file} merged`);
      }
      continue;
    }
    codes[code] = {
      variants: distinct.map((row) => ({ status: row.status, when: `status${row.status}`, message: { [main.locale]: row.message } })),
      note: `Listed with ${distinct.length} statuses in the source; one code with one variant per status.`,
    };
    decisions.push(`${code}: rows at lines ${lines} of ${main.file} differ in status; kept as variants, name each variant's \`when\``);
  }
  return codes;
}

function buildEmbedded(main: PageCatalog, decisions: string[]): RawEmbedded {
  const categories: RawEmbedded['categories'] = {};
  for (const category of main.embeddedCategories) {
    categories[category.name.toLowerCase()] = {
      title: category.name,
      description: { [main.locale]: category.description },
      codes: {},
    };
  }
  for (const row of main.embeddedCodes) {
    const key = row.category.toLowerCase();
    const category = categories[key];
    if (!category?.codes) throw new ImportProblem(main.file, row.line, `category "${row.category}" of ${row.code} is not in the page's category table`);
    const existing = category.codes[row.code];
    if (existing?.message?.[main.locale] === row.message) {
      existing.reportedIn = [...existing.reportedIn, row.reportedIn];
      existing.note = `Listed in the ${existing.reportedIn.join(' and ')} tables of the source with the same category and message; merged into one code.`;
      decisions.push(`${row.code}: identical ${existing.reportedIn.join(' and ')} rows merged`);
      continue;
    }
    if (existing) throw new ImportProblem(main.file, row.line, `${row.code} is listed twice under ${row.category} with different messages`);
    category.codes[row.code] = withParams<RawEmbeddedCode>({ reportedIn: [row.reportedIn], message: { [main.locale]: row.message } }, row.message);
  }
  return { name: `${pascalCase(main.serviceId)}Scheduling`, title: 'Scheduling errors', wireFormat: 'batch-scheduling', categories };
}

/** Gives every code name listed in more than one place an `alsoIn` naming the others. */
function markSharedNames(spec: RawSpecFile): void {
  for (const occurrences of placesOf(spec).values()) {
    if (occurrences.length < 2) continue;
    for (const { place, code } of occurrences) code.alsoIn = occurrences.filter((other) => other.place !== place).map((other) => other.place);
  }
}

function withParams<T extends RawDetailCode | RawEmbeddedCode | RawHttpCode>(entry: T, defaultMessage: string | undefined): T {
  const indexes = [...(defaultMessage ?? '').matchAll(/\{(\d+)\}/g)].map((match) => Number(match[1]));
  if (indexes.length === 0) return entry;
  const count = Math.max(...indexes) + 1;
  entry.params = Array.from({ length: count }, (_, index) => ({ name: `arg${index}`, type: 'string' as const }));
  return entry;
}

function localized(pages: readonly PageCatalog[], pick: (page: PageCatalog) => string | undefined): LocalizedText {
  const text: LocalizedText = {};
  for (const page of pages) {
    const value = pick(page);
    if (value) text[page.locale] = value;
  }
  return text;
}

const FAILURE_PREFERENCES: Record<keyof RawFailures, { names: string[]; status: number }> = {
  internal: { names: ['UnknownError', 'InternalError'], status: 500 },
  malformedBody: { names: ['InvalidRequestBody', 'RequestBodyInvalid'], status: 400 },
  bodyTooLarge: { names: ['RequestBodyTooLarge', 'RequestBodyInvalid', 'InvalidRequestBody'], status: 413 },
  notFound: { names: ['InvalidUri', 'ResourceNotFound', 'NotFound'], status: 404 },
  validation: { names: ['InvalidInput', 'BadParameterValue', 'InvalidPropertyValue'], status: 400 },
};

/** Picks a plausible code for each framework failure; the user reviews them. */
function guessFailures(spec: RawSpecFile, decisions: string[]): RawFailures {
  const candidates: Array<{ ref: string; name: string; status: number | undefined }> = [];
  for (const [code, entry] of Object.entries(spec.codes ?? {})) candidates.push({ ref: code, name: code, status: entry.status ?? entry.variants?.[0]?.status });
  for (const [name, category] of Object.entries(spec.categories ?? {})) {
    candidates.push({ ref: name, name, status: category.status });
    for (const [code, entry] of Object.entries(category.codes ?? {})) candidates.push({ ref: `${name}/${code}`, name: code, status: entry.status ?? category.status });
  }
  const failures = {} as RawFailures;
  for (const key of Object.keys(FAILURE_PREFERENCES) as Array<keyof RawFailures>) {
    const { names, status } = FAILURE_PREFERENCES[key];
    const sameClass = (candidate: (typeof candidates)[number]): boolean => Math.floor((candidate.status ?? 0) / 100) === Math.floor(status / 100);
    const chosen =
      names.map((name) => candidates.find((candidate) => candidate.name === name && sameClass(candidate))).find((found) => found !== undefined) ??
      names.map((name) => candidates.find((candidate) => candidate.name === name)).find((found) => found !== undefined) ??
      candidates.find((candidate) => candidate.status === status) ??
      candidates.find(sameClass) ??
      candidates[0];
    failures[key] = chosen?.ref ?? '';
    decisions.push(`failures.${key}: chose ${failures[key]}; review it`);
  }
  return failures;
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
