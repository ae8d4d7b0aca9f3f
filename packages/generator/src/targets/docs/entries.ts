// Every documented row of the catalog, with what a reader needs in every
// locale: the message as written (placeholders as in the source) and the
// exact wire bodies. The bodies are made by `@errcat/runtime` from the same
// error-set data the codes package ships (`catalogData`), so an example is
// what `new MlStudioError(…).toBody(locale)` returns, never a copy of it.

import { CatalogError, errorBody, matchLocale, problemBody, type ErrorSet } from '@errcat/runtime';
import type { Catalog, Localized, Service } from '../../model/catalog.js';
import { compareText } from '../../util/sort.js';
import { catalogData } from '../shared/catalog-data.js';
import { errorSets, type CodeView, type ErrorSetView } from '../shared/error-sets.js';
import { packageName } from '../shared/package-manifest.js';

/** One error set as documented: a service's codes, or its embedded errors. */
export interface DocsSet {
  /** `ml-studio`, `batch`, `batch-scheduling`: the first part of every deep link. */
  readonly id: string;
  /** The service the set belongs to. */
  readonly serviceId: string;
  readonly title: string;
  readonly view: ErrorSetView;
  /** Answered over HTTP (false for embedded errors). */
  readonly http: boolean;
  /** By locale of the catalog: the tag the set sends for it (Batch's `message.lang`). */
  readonly languageTags: Readonly<Record<string, string>>;
  /** By category name, by locale: the category's message as sent (rest-guidelines `error.message`). */
  readonly categoryMessages: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly rows: readonly DocsRow[];
}

/** One code, or one variant of a code with several statuses. */
export interface DocsRow {
  /** Deep-link id: `ml-studio/BadArgument/BlobNotFound`; a later variant adds `.when` (`batch/ConditionNotMet.write`). */
  readonly id: string;
  readonly code: string;
  readonly key: string;
  readonly category?: string;
  readonly status?: number;
  readonly when?: string;
  /** The code has no message of its own and answers with its category's. */
  readonly messageFromCategory: boolean;
  /** By locale of the catalog: the message as written, `{0}` and all (the default locale's where untranslated). */
  readonly text: Readonly<Record<string, string>>;
  /** By locale: the message as the runtime sends it without params (`{0}` → `{blob}`). */
  readonly sent: Readonly<Record<string, string>>;
  /** By locale: the native wire body. */
  readonly native: Readonly<Record<string, object>>;
  /** By locale: RFC 9457 problem details; absent for embedded errors. */
  readonly problem?: Readonly<Record<string, object>>;
}

/** The documented sets of a catalog, in the codes package's order. */
export function docsSets(catalog: Catalog): DocsSet[] {
  const name = packageName(catalog, 'codes');
  // errorSets lists each service's set, followed by the set of its embedded errors when it has one.
  const owners = catalog.services.flatMap((service) => (service.embedded ? [service.id, service.id] : [service.id]));
  return errorSets(catalog).map((view, index) => docsSet(catalog, owners[index]!, view, runtimeSet(name, view)));
}

/** The set exactly as the codes package hands it to the runtime (printed data drops `undefined` fields). */
function runtimeSet(codesPackage: string, view: ErrorSetView): ErrorSet {
  return JSON.parse(JSON.stringify(catalogData(codesPackage, view))) as ErrorSet;
}

function docsSet(catalog: Catalog, serviceId: string, view: ErrorSetView, set: ErrorSet): DocsSet {
  const locales = catalog.settings.locales;
  const http = view.wireFormat !== 'batch-scheduling';
  // Texts and bodies are made for the locale the runtime picks, as `messageIn(locale)` and `toBody(locale)` do; the same
  // for every row, so it is picked once per set (negotiating a locale the set lacks is the runtime's slow path).
  const chosen = perLocale(locales, (locale) => matchLocale(locale, set.locales, set.defaultLocale));
  const categoryMessages = Object.fromEntries(
    view.categories.flatMap((category) =>
      category.message ? [[category.name, perChosenLocale(locales, chosen, (tag) => new CatalogError(set, { category: category.name }).messageIn(tag))]] : [],
    ),
  );
  const languageTags = perLocale(locales, (locale) => set.languageTags?.[chosen[locale]!] ?? chosen[locale]!);
  return { id: view.id, serviceId, title: view.title, view, http, languageTags, categoryMessages, rows: view.codes.flatMap((code) => codeRows(locales, chosen, view, set, code, http)) };
}

function codeRows(locales: readonly string[], chosen: Readonly<Record<string, string>>, view: ErrorSetView, set: ErrorSet, code: CodeView, http: boolean): DocsRow[] {
  const situations = code.variants.length > 0 ? code.variants.map((variant, index) => ({ when: variant.when, status: variant.status, message: variant.message, first: index === 0 })) : [{ when: undefined, status: code.status, message: code.message, first: true }];
  return situations.map((situation) => {
    const error = new CatalogError(set, { code: code.name, ...(code.category === undefined ? {} : { category: code.category }), ...(situation.when === undefined ? {} : { variant: situation.when }) });
    return {
      id: `${view.id}/${code.key}${situation.first ? '' : `.${situation.when}`}`,
      code: code.name,
      key: code.key,
      ...(code.category === undefined ? {} : { category: code.category }),
      ...(situation.status === undefined ? {} : { status: situation.status }),
      ...(situation.when === undefined ? {} : { when: situation.when }),
      messageFromCategory: code.messageFromCategory,
      text: perLocale(locales, (locale) => localizedText(situation.message, locale, view.defaultLocale)),
      sent: perChosenLocale(locales, chosen, (tag) => error.messageIn(tag)),
      native: perChosenLocale(locales, chosen, (tag) => errorBody(error, tag)),
      ...(http ? { problem: perChosenLocale(locales, chosen, (tag) => problemBody(error, tag)) } : {}),
    };
  });
}

/** A spec text in `locale`, else in the fallback (the default locale), else empty. */
export function localizedText(text: Localized, locale: string, fallback: string): string {
  return text[locale] ?? text[fallback] ?? '';
}

/** By catalog locale, a value made once per locale the runtime picks (a set in fewer locales than the catalog answers several in one). */
function perChosenLocale<T>(locales: readonly string[], chosen: Readonly<Record<string, string>>, value: (tag: string) => T): Record<string, T> {
  const made = new Map<string, T>();
  return perLocale(locales, (locale) => {
    const tag = chosen[locale]!;
    if (!made.has(tag)) made.set(tag, value(tag));
    return made.get(tag)!;
  });
}

function perLocale<T>(locales: readonly string[], value: (locale: string) => T): Record<string, T> {
  return Object.fromEntries(locales.map((locale) => [locale, value(locale)]));
}

/** A rest-guidelines service's categories as its pages list them: by status, then name. */
export function categoriesByStatus(service: Service): Service['categories'] {
  return [...service.categories].sort((a, b) => a.status - b.status || compareText(a.name, b.name));
}

/** Rows grouped by `keyOf`, each group in row order. */
export function groupRows(rows: readonly DocsRow[], keyOf: (row: DocsRow) => string | undefined): Map<string | undefined, DocsRow[]> {
  const groups = new Map<string | undefined, DocsRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
