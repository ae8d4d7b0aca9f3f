import type { Catalog, EmbeddedWireFormat, Failures, Localized, Param, Service, Variant, WireFormat } from '../../model/catalog.js';
import { toIdentifier } from '../../model/identifiers.js';
import { byKey, compareText } from '../../util/sort.js';

/** One family of errors that gets its own enums and class: a service's codes, or its embedded errors. */
export interface ErrorSetView {
  /** `ml-studio`, `batch`, `batch-scheduling`: the folder under src/ and the set's id at run time. */
  readonly id: string;
  /** PascalCase prefix of every name: `MlStudio`, `Batch`, `BatchScheduling`. */
  readonly prefix: string;
  readonly title: string;
  readonly wireFormat: WireFormat | EmbeddedWireFormat;
  readonly defaultLocale: string;
  readonly locales: readonly string[];
  /** The tag sent on the wire for a locale where it differs (`en` → `en-US`). */
  readonly languageTags: Readonly<Record<string, string>>;
  readonly categories: readonly CategoryView[];
  /** Sorted by key. */
  readonly codes: readonly CodeView[];
  /** One entry per distinct wire name, sorted: what the code enum lists. */
  readonly codeNames: readonly CodeNameView[];
  /** Framework failures, for sets answered over HTTP. */
  readonly failures?: Failures;
  /** The header repeating the body's top-level code, when the service sends one. */
  readonly errorCodeHeader?: string;
  readonly problemTypeBase?: string;
}

export interface CategoryView {
  /** The wire value. */
  readonly name: string;
  /** Enum member name. */
  readonly member: string;
  readonly title: string;
  readonly status?: number;
  readonly message?: Localized;
}

export interface CodeView {
  /** Key in the catalog data: `Category/Name` for codes in a category, else the name. */
  readonly key: string;
  readonly name: string;
  readonly category?: string;
  readonly status?: number;
  readonly statuses?: readonly number[];
  readonly message: Localized;
  readonly messageFromCategory: boolean;
  readonly variants: readonly Variant[];
  readonly params: readonly Param[];
  /** The same name exists under another category, so the category must be given. */
  readonly ambiguous: boolean;
}

export interface CodeNameView {
  readonly name: string;
  readonly member: string;
  /** Every code with this name (more than one when it is under several categories). */
  readonly codes: readonly CodeView[];
}

/**
 * The error sets of a catalog, in service order, each service followed by its
 * embedded errors. Built once per catalog: every target that emits code or
 * examples reads them, and at 10,000 codes building them is not free (the
 * catalog is frozen, so the views of it cannot go stale).
 */
export function errorSets(catalog: Catalog): readonly ErrorSetView[] {
  let sets = setsByCatalog.get(catalog);
  if (sets === undefined) {
    sets = catalog.services.flatMap((service) => [serviceSet(service), ...(service.embedded ? [embeddedSet(service)] : [])]);
    setsByCatalog.set(catalog, sets);
  }
  return sets;
}

const setsByCatalog = new WeakMap<Catalog, readonly ErrorSetView[]>();

function serviceSet(service: Service): ErrorSetView {
  const categories = service.categories.map((category) => ({
    name: category.name,
    member: toIdentifier(category.name),
    title: category.title,
    status: category.status,
    message: category.message,
  }));
  const codes = markAmbiguous(
    service.codes.map((code) => ({
      key: code.key,
      name: code.name,
      ...(code.category === undefined ? {} : { category: code.category }),
      status: code.status,
      statuses: code.statuses,
      message: code.message,
      messageFromCategory: code.messageFromCategory,
      variants: code.variants,
      params: code.params,
      ambiguous: false,
    })),
  );
  return {
    id: service.id,
    prefix: service.name,
    title: service.title,
    wireFormat: service.wireFormat,
    defaultLocale: service.defaultLocale,
    languageTags: service.languageTags,
    locales: service.locales,
    categories,
    codes,
    codeNames: codeNames(codes),
    failures: service.failures,
    ...(service.errorCodeHeader ? { errorCodeHeader: service.errorCodeHeader } : {}),
    ...(service.problemTypeBase ? { problemTypeBase: service.problemTypeBase } : {}),
  };
}

/** An embedded set's id: its folder under src/ and its scope in `errcat diff`. */
export function embeddedSetId(embedded: { readonly name: string }): string {
  return kebab(embedded.name);
}

/** An embedded code's key within its set: `usererror/InvalidAutoPoolSettings`. */
export function embeddedCodeKey(code: { readonly category: string; readonly name: string }): string {
  return `${code.category}/${code.name}`;
}

function embeddedSet(service: Service): ErrorSetView {
  const embedded = service.embedded!;
  const titles = embedded.categories.map((category) => toIdentifier(category.title));
  const titlesUnique = new Set(titles).size === titles.length;
  const categories = embedded.categories.map((category, index) => ({
    name: category.name,
    member: titlesUnique ? titles[index]! : toIdentifier(category.name),
    title: category.title,
  }));
  const codes = markAmbiguous(
    embedded.codes.map((code) => ({
      key: embeddedCodeKey(code),
      name: code.name,
      category: code.category,
      message: code.message,
      messageFromCategory: false,
      variants: [],
      params: code.params,
      ambiguous: false,
    })),
  );
  return {
    id: embeddedSetId(embedded),
    prefix: embedded.name,
    title: embedded.title,
    wireFormat: embedded.wireFormat,
    defaultLocale: service.defaultLocale,
    languageTags: service.languageTags,
    locales: service.locales,
    categories,
    codes: byKey(codes, (code) => code.key),
    codeNames: codeNames(codes),
  };
}

function markAmbiguous(codes: CodeView[]): CodeView[] {
  const count = new Map<string, number>();
  for (const code of codes) count.set(code.name, (count.get(code.name) ?? 0) + 1);
  return codes.map((code) => ({ ...code, ambiguous: (count.get(code.name) ?? 0) > 1 }));
}

function codeNames(codes: readonly CodeView[]): CodeNameView[] {
  const byName = new Map<string, CodeView[]>();
  for (const code of codes) byName.set(code.name, [...(byName.get(code.name) ?? []), code]);
  return [...byName.keys()].sort(compareText).map((name) => ({ name, member: codeMember({ name }), codes: byName.get(name)! }));
}

/** A code's member in its set's code enum (the same for every code of that name). */
export function codeMember(code: { readonly name: string }): string {
  return toIdentifier(code.name);
}

const categoryMembers = new WeakMap<ErrorSetView, ReadonlyMap<string, string>>();

/** A category's member in its set's category enum, looked up in a map made once per set: sets hold thousands of codes. */
export function categoryMember(set: ErrorSetView, name: string): string {
  let members = categoryMembers.get(set);
  if (members === undefined) categoryMembers.set(set, (members = new Map(set.categories.map((category) => [category.name, category.member]))));
  const member = members.get(name);
  if (member === undefined) throw new Error(`${set.prefix} has no category ${name}`);
  return member;
}

/** `BatchScheduling` → `batch-scheduling`. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();
}

/** `MlStudio` → `mlStudio`. */
export function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** The names one set's generated module exports. */
export function namesOf(set: ErrorSetView) {
  const p = set.prefix;
  return {
    dir: `src/${set.id}`,
    categoryEnum: `${p}Category`,
    categoryString: `${p}CategoryString`,
    codeEnum: `${p}ErrorCode`,
    codeString: `${p}ErrorCodeString`,
    isCategory: `is${p}Category`,
    isCode: `is${p}ErrorCode`,
    key: `${p}ErrorKey`,
    locale: `${p}Locale`,
    catalog: `${camel(p)}Catalog`,
    params: `${p}ErrorParams`,
    messageRef: `${p}MessageRef`,
    options: `${p}ErrorOptions`,
    init: `${p}ErrorInit`,
    body: `${p}ErrorBody`,
    errorClass: `${p}Error`,
    format: `format${p}Message`,
  };
}

export type SetNames = ReturnType<typeof namesOf>;
