import type {
  LocalizedText,
  RawCategory,
  RawDetailCode,
  RawEmbeddedCode,
  RawEmbedded,
  RawFailures,
  RawHttpCode,
  RawSection,
  RawSpecFile,
} from '../spec/raw-spec.js';
import { messageEntries, placesOf } from '../spec/spec-file.js';
import type { FieldComment } from './emit-yaml.js';
import { contentKeys, pairPages, type PageGroup } from './pair-pages.js';
import { ImportProblem, ImportProblems, slugOf, type PageCatalog, type PageCategory, type PageCodeSection, type PageEmbeddedCode, type PageHttpCode } from './read-page.js';

export interface ImportedService {
  serviceId: string;
  spec: RawSpecFile;
  /** What the importer decided for the user to review (pairing, merged rows, guessed failure codes). */
  decisions: string[];
  /** Fields left empty for the user, with what to write there (a comment beside them in the YAML). */
  toFill: FieldComment[];
  /** The pages this service was built from, the default-locale page first. */
  pages: string[];
}

/**
 * Merges the pages of each service (the default-locale page and its
 * translations) into one spec file. Translations are paired with their
 * default-locale page (see `pairPages`) and matched to it by section anchor
 * and code, never by visible heading; no text of a translation is dropped.
 * `explicit` is the user's `--pair`: translation file → default-locale file.
 */
export function buildSpecs(pages: readonly PageCatalog[], defaultLocale: string, explicit: ReadonlyMap<string, string> = new Map()): ImportedService[] {
  const services = pairPages(pages, defaultLocale, explicit).map(buildService);
  refuseSharedServiceIds(services);
  return services;
}

function buildService({ main, translations, decisions: pairing }: PageGroup): ImportedService {
  const pages = [main, ...translations];
  const locales = pages.map((page) => page.locale);
  const decisions = [...pairing, ...coverage(main, translations)];
  const spec: RawSpecFile = {
    service: {
      id: main.serviceId,
      name: pascalCase(main.serviceId),
      title: main.title,
      ...(main.intro.length > 0 ? { description: localized(pages, (page) => page.intro.join('\n\n') || undefined) } : {}),
      wireFormat: main.categories.length > 0 ? 'rest-guidelines' : 'batch',
      locales,
      sources: pages.map((page) => ({ title: page.title, locale: page.locale, ...(page.date ? { date: page.date } : {}) })),
      failures: { internal: '', malformedBody: '', bodyTooLarge: '', notFound: '', validation: '' },
    },
  };
  if (main.categories.length > 0) spec.categories = buildCategories(main, translations, decisions);
  if (main.httpCodes.length > 0) {
    const codes = buildHttpCodes(main, translations, decisions);
    if (documentsSections(main)) Object.assign(spec, buildSections(main, translations, codes, decisions));
    else spec.codes = codes;
  }
  if (main.embeddedCodes.length > 0) spec.embedded = buildEmbedded(main, translations, decisions);
  markSharedNames(spec);
  const { failures, toFill } = guessFailures(spec, decisions);
  spec.service!.failures = failures;
  return { serviceId: main.serviceId, spec, decisions, toFill, pages: pages.map((page) => page.file) };
}

/**
 * A translation's rows the default-locale page lacks would have nowhere to go
 * (a code needs a default-locale message): an error. Rows it does not
 * translate answer in the default locale, as the validator's W407 says: a
 * decision to review.
 */
function coverage(main: PageCatalog, translations: readonly PageCatalog[]): string[] {
  const decisions: string[] = [];
  const problems: ImportProblem[] = [];
  const mainKeys = contentKeys(main);
  for (const page of translations) {
    const keys = contentKeys(page);
    const extra = [...keys].filter((key) => !mainKeys.has(key));
    const missing = [...mainKeys].filter((key) => !keys.has(key));
    if (extra.length > 0) {
      problems.push(
        new ImportProblem(page.file, 0, `${page.file} (${page.locale}) has ${listOf(extra)}, which ${main.file} lacks; add them to ${main.file}, or remove them from ${page.file}, so that no translated text is dropped`),
      );
    }
    if (missing.length > 0) decisions.push(`${page.file} (${page.locale}) does not translate ${listOf(missing)}; clients asking for ${page.locale} get ${main.locale} there`);
  }
  if (problems.length > 0) throw new ImportProblems(problems);
  return decisions;
}

function listOf(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).join(', ');
  return keys.length > 5 ? `${shown} and ${keys.length - 5} more` : shown;
}

/** Two services with one id would be written to one file, the second over the first. */
function refuseSharedServiceIds(services: readonly ImportedService[]): void {
  for (const service of services) {
    const same = services.filter((other) => other.serviceId === service.serviceId);
    if (same.length > 1) {
      const files = same.map((other) => other.pages[0]).join(' and ');
      throw new ImportProblem(same[0]!.pages[0] ?? '', 0, `${files} are both service ${service.serviceId} (ms.service) in the default locale; import them one at a time with --out, or mark a translation's locale with --locale FILE=TAG`);
    }
  }
}

function buildCategories(main: PageCatalog, translations: PageCatalog[], decisions: string[]): Record<string, RawCategory> {
  const categories: Record<string, RawCategory> = {};
  for (const category of main.categories) {
    const counterparts = new Map<string, PageCategory>();
    for (const page of translations) {
      // A section the translation lacks is reported by `coverage`; it answers in the default locale.
      const match = page.categories.find((candidate) => candidate.anchor === category.anchor);
      if (match) counterparts.set(page.locale, match);
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
        const texts = localized(all, (page) => inLocale(page)?.codes.find((candidate) => candidate.code === row.code)?.message);
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

function detailCode(texts: LocalizedText, defaultLocale: string): RawDetailCode {
  if (!texts[defaultLocale]) return {};
  return withParams<RawDetailCode>({ message: texts }, texts[defaultLocale]);
}

function buildHttpCodes(main: PageCatalog, translations: readonly PageCatalog[], decisions: string[]): Record<string, RawHttpCode> {
  const pages = [main, ...translations];
  // A translation's row is the one with the same code and status (`coverage` reports the rest).
  const texts = (row: PageHttpCode): LocalizedText =>
    localized(pages, (page) => (page === main ? row : page.httpCodes.find((other) => other.code === row.code && other.status === row.status))?.message);
  const codes: Record<string, RawHttpCode> = {};
  const rowsByCode = new Map<string, typeof main.httpCodes>();
  for (const row of main.httpCodes) rowsByCode.set(row.code, [...(rowsByCode.get(row.code) ?? []), row]);
  for (const [code, rows] of rowsByCode) {
    const distinct = rows.filter((row, index) => rows.findIndex((other) => other.status === row.status && other.message === row.message) === index);
    const lines = rows.map((row) => row.line).join(' and ');
    if (distinct.length === 1) {
      const [row] = distinct as [PageHttpCode];
      codes[code] = withParams<RawHttpCode>({ status: row.status, message: texts(row) }, row.message);
      if (rows.length > 1) {
        codes[code].note = `Listed ${rows.length} times in the source with the same status and message; merged into one code.`;
        decisions.push(`${code}: identical rows at lines ${lines} of ${main.file} merged`);
      }
      continue;
    }
    codes[code] = {
      variants: distinct.map((row) => ({ status: row.status, when: `status${row.status}`, message: texts(row) })),
      note: `Listed with ${distinct.length} statuses in the source; one code with one variant per status.`,
    };
    decisions.push(`${code}: rows at lines ${lines} of ${main.file} differ in status; kept as variants, name each variant's \`when\``);
  }
  return codes;
}

/** Tables of codes under several headings, or under one the page links to by id: the docs give those sections back. */
function documentsSections(main: PageCatalog): boolean {
  return main.httpSections.length > 1 || main.httpSections.some((section) => section.explicitAnchor);
}

/**
 * A section per `##` heading with a table of HTTP codes, in page order, keyed
 * by the heading's slug; each code names the section of its first row.
 */
function buildSections(main: PageCatalog, translations: readonly PageCatalog[], codes: Record<string, RawHttpCode>, decisions: string[]): { sections: Record<string, RawSection>; codes: Record<string, RawHttpCode> } {
  const sections: Record<string, RawSection> = {};
  const keyOf = new Map<string, string>();
  for (const section of main.httpSections) {
    const base = slugOf(section.heading) || 'codes';
    let key = base;
    for (let counter = 2; key in sections; counter++) key = `${base}-${counter}`;
    keyOf.set(section.anchor, key);
    sections[key] = rawSection(main, translations, section, (page) => page.httpSections);
  }
  const placed: Record<string, RawHttpCode> = {};
  for (const [code, entry] of Object.entries(codes)) {
    const anchors = [...new Set(main.httpCodes.filter((row) => row.code === code).map((row) => row.section))];
    const section = keyOf.get(anchors[0]!)!;
    if (anchors.length > 1) decisions.push(`${code}: listed in sections ${anchors.map((anchor) => keyOf.get(anchor)).join(' and ')} of ${main.file}; placed in ${section}, its first`);
    placed[code] = { section, ...entry };
  }
  return { sections, codes: placed };
}

/** A section's heading, prose and anchor in every locale; translations are matched by anchor. */
function rawSection(main: PageCatalog, translations: readonly PageCatalog[], section: PageCodeSection, sectionsOf: (page: PageCatalog) => readonly PageCodeSection[]): RawSection {
  const pages = [main, ...translations];
  const inLocale = (page: PageCatalog) => (page === main ? section : sectionsOf(page).find((other) => other.anchor === section.anchor));
  const raw: RawSection = { title: localized(pages, (page) => inLocale(page)?.heading) };
  if (section.description.length > 0) raw.description = localized(pages, (page) => inLocale(page)?.description.join('\n\n') || undefined);
  raw.anchor = section.anchor;
  return raw;
}

function buildEmbedded(main: PageCatalog, translations: readonly PageCatalog[], decisions: string[]): RawEmbedded {
  const pages = [main, ...translations];
  const categories: RawEmbedded['categories'] = {};
  for (const category of main.embeddedCategories) {
    categories[category.name.toLowerCase()] = {
      title: category.name,
      description: localized(pages, (page) => page.embeddedCategories.find((other) => other.name === category.name)?.description),
      codes: {},
    };
  }
  const texts = (row: PageEmbeddedCode): LocalizedText =>
    localized(pages, (page) => (page === main ? row : page.embeddedCodes.find((other) => other.code === row.code && other.category === row.category && other.reportedIn === row.reportedIn))?.message);
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
    category.codes[row.code] = withParams<RawEmbeddedCode>({ reportedIn: [row.reportedIn], message: texts(row) }, row.message);
  }
  return {
    name: `${pascalCase(main.serviceId)}Scheduling`,
    title: 'Scheduling errors',
    ...(main.embeddedSection ? { section: rawSection(main, translations, main.embeddedSection, (page) => (page.embeddedSection ? [page.embeddedSection] : [])) } : {}),
    wireFormat: 'batch-scheduling',
    categories,
  };
}

/** Gives every code name listed in more than one place an `alsoIn` naming the others. */
function markSharedNames(spec: RawSpecFile): void {
  for (const occurrences of placesOf(messageEntries(spec)).values()) {
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

interface FailureRule {
  /** Code names that usually mean this failure, best first. */
  names: string[];
  /** Whether a code of this status may answer it; stricter than the validator's class check (E503). */
  fitsStatus: (status: number) => boolean;
  /** The status that fits best, and how the decision line names what fits. */
  best: number;
  fits: string;
  /** What the failure is, for the user filling it in. */
  answers: string;
}

const FAILURE_RULES: Record<Exclude<keyof RawFailures, 'statuses'>, FailureRule> = {
  internal: { names: ['UnknownError', 'InternalError'], fitsStatus: (status) => status >= 500 && status <= 599, best: 500, fits: '5xx', answers: 'anything thrown that is not a catalog error' },
  malformedBody: { names: ['InvalidRequestBody', 'RequestBodyInvalid'], fitsStatus: (status) => status === 400 || status === 422, best: 400, fits: '400 or 422', answers: 'a request body that is not valid JSON' },
  bodyTooLarge: { names: ['RequestBodyTooLarge'], fitsStatus: (status) => status === 413, best: 413, fits: '413', answers: 'a request body over the size limit' },
  notFound: { names: ['ResourceNotFound', 'NotFound', 'InvalidUri'], fitsStatus: (status) => status === 404, best: 404, fits: '404', answers: 'an unknown route' },
  validation: { names: ['InvalidInput', 'BadParameterValue', 'InvalidPropertyValue'], fitsStatus: (status) => status === 400 || status === 422, best: 400, fits: '400 or 422', answers: 'a request that fails schema validation' },
};

interface FailureCandidate {
  ref: string;
  name: string;
  /** Every status the code answers with (one per variant). */
  statuses: number[];
}

/**
 * Picks a code for each framework failure among those whose status fits it
 * (a 404 for an unknown route, never just any 4xx); the user reviews them. A
 * failure no code fits is left empty, with what to fill in.
 */
function guessFailures(spec: RawSpecFile, decisions: string[]): { failures: RawFailures; toFill: FieldComment[] } {
  const candidates: FailureCandidate[] = [];
  for (const [code, entry] of Object.entries(spec.codes ?? {})) {
    candidates.push({ ref: code, name: code, statuses: entry.variants?.map((variant) => variant.status) ?? statusesOf(entry.status) });
  }
  for (const [name, category] of Object.entries(spec.categories ?? {})) {
    candidates.push({ ref: name, name, statuses: statusesOf(category.status) });
    for (const [code, entry] of Object.entries(category.codes ?? {})) candidates.push({ ref: `${name}/${code}`, name: code, statuses: statusesOf(entry.status ?? category.status) });
  }
  const failures = {} as RawFailures;
  const toFill: FieldComment[] = [];
  for (const key of Object.keys(FAILURE_RULES) as Array<keyof typeof FAILURE_RULES>) {
    const rule = FAILURE_RULES[key];
    const fitting = candidates.filter(({ statuses }) => statuses.length > 0 && statuses.every(rule.fitsStatus));
    const byName = rule.names.map((name) => fitting.find((candidate) => candidate.name === name)).find((found) => found !== undefined);
    const byStatus = fitting.find(({ statuses }) => statuses.includes(rule.best)) ?? fitting[0];
    const chosen = byName ?? byStatus;
    failures[key] = chosen?.ref ?? '';
    if (!chosen) {
      const what = `no ${rule.fits} code on the pages answers ${rule.answers}; add one and name it here`;
      toFill.push({ path: ['service', 'failures', key], what });
      decisions.push(`failures.${key}: left empty: ${what}`);
    } else if (byName) {
      decisions.push(`failures.${key}: chose ${chosen.ref} (${chosen.statuses.join(', ')}); review it`);
    } else {
      decisions.push(`failures.${key}: chose ${chosen.ref} (${chosen.statuses.join(', ')}) by its status alone, the first ${rule.fits} code; check that it means ${rule.answers}`);
    }
  }
  return { failures, toFill };
}

function statusesOf(status: number | undefined): number[] {
  return status === undefined ? [] : [status];
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
