import type { ErrorSet } from './catalog.js';
import { batchBody, batchSchedulingBody, problemDetails, restGuidelinesBody, type BatchErrorValue, type NameValuePair, type ProblemDetails, type ProblemDetailsError, type ProblemOptions } from './envelopes.js';
import { matchLocale } from './locale.js';
import { formatCategory, formatResolved, resolveRef, type MessageRef, type ResolvedRef } from './message.js';
import type { MessageParams } from './template.js';

/**
 * The key (on `globalThis`) of the registry every copy of the runtime
 * shares: each catalog error is filed there by its constructor, with what it
 * was constructed from. Only a constructor files an error, so an object made
 * any other way (`Object.create(MlStudioError.prototype)`, a spread, parsed
 * JSON) is never taken for one, whatever errors were made before it.
 */
export const CATALOG_ERROR = Symbol.for('errcat.catalog-error-registry@1');

/** What a catalog error was constructed with: the runtime answers from this, never from the instance's own (writable) fields. */
export interface CatalogErrorRecord {
  readonly catalog: ErrorSet;
  readonly key: string;
  readonly code: string | undefined;
  readonly category: string | undefined;
  readonly status: number | undefined;
  readonly variant: string | undefined;
  readonly params: MessageParams;
  readonly target: string | undefined;
  readonly values: readonly BatchErrorValue[] | undefined;
  readonly details: readonly NameValuePair[] | undefined;
  readonly instance: string | undefined;
  readonly errors: readonly ProblemDetailsError[] | undefined;
}

/** The registry shared through `globalThis`, made by the first copy of the runtime that loads; never replaceable. */
const registry: WeakMap<object, CatalogErrorRecord> = (() => {
  const holder = globalThis as { [CATALOG_ERROR]?: unknown };
  const existing = holder[CATALOG_ERROR];
  if (existing instanceof WeakMap) return existing as WeakMap<object, CatalogErrorRecord>;
  const created = new WeakMap<object, CatalogErrorRecord>();
  Object.defineProperty(globalThis, CATALOG_ERROR, { value: created, enumerable: false, writable: false, configurable: false });
  return created;
})();

/**
 * What `value` was constructed with, when a catalog error constructor (of
 * any copy of the runtime) made it; `undefined` for anything else. Runs no
 * code of `value` (no getters, no Proxy traps).
 */
export function catalogErrorRecord(value: unknown): CatalogErrorRecord | undefined {
  return (typeof value === 'object' || typeof value === 'function') && value !== null ? registry.get(value) : undefined;
}

/** The record of `error`, or a TypeError for objects no catalog error constructor made. */
function recordOf(error: unknown): CatalogErrorRecord {
  const record = catalogErrorRecord(error);
  if (!record) throw new TypeError('not a catalog error: only the constructor of a catalog error class makes one');
  return record;
}

export interface CatalogErrorInit extends MessageRef {
  /** rest-guidelines: the `details[].target` of the response. */
  readonly target?: string | undefined;
  /** batch: the `values` of the response. */
  readonly values?: readonly BatchErrorValue[] | undefined;
  /** batch-scheduling: the `details` of the embedded error. */
  readonly details?: readonly NameValuePair[] | undefined;
  /** problem-details: `instance`, a URI reference for this occurrence (`/accounts/42`). */
  readonly instance?: string | undefined;
  /** problem-details: `errors[]`, the parts of the problem (a validation error's fields). */
  readonly errors?: readonly ProblemDetailsError[] | undefined;
  readonly cause?: unknown;
}

/** The types a generated class narrows its fields and bodies to. */
export interface CatalogErrorTypes {
  readonly code: string | undefined;
  readonly category: string | undefined;
  readonly status: number | undefined;
  readonly locale: string;
  readonly body: object;
}

const ordinaryInstanceOf = Function.prototype[Symbol.hasInstance];

/**
 * An error of a catalog: a code (or a rest-guidelines category alone), its
 * params, and everything needed to answer with it. Generated classes extend
 * it to narrow its types; the behaviour lives here.
 *
 * Everything the runtime needs travels on the instance as data (`catalog`,
 * `key`, `variant`, `params`…), so a framework adapter can answer with an
 * error built by another copy of the package.
 */
export class CatalogError<T extends CatalogErrorTypes = CatalogErrorTypes> extends Error {
  /** The error set this error belongs to (non-enumerable). */
  declare readonly catalog: ErrorSet;
  /** Where the code is filed in `catalog.codes` (`BadArgument/BlobNotFound`), or the category's name for a category alone. */
  readonly key: string;
  /** The specific code, or `undefined` for a rest-guidelines category alone. */
  readonly code: T['code'];
  readonly category: T['category'];
  /** The HTTP status; `undefined` for embedded errors, which are not responses. */
  readonly status: T['status'];
  /** The variant chosen (`read`, `write`), for codes that have them. */
  readonly variant: string | undefined;
  readonly params: MessageParams;
  readonly target: string | undefined;
  readonly values: readonly BatchErrorValue[] | undefined;
  readonly details: readonly NameValuePair[] | undefined;
  readonly instance: string | undefined;
  readonly errors: readonly ProblemDetailsError[] | undefined;

  constructor(catalog: ErrorSet, init: CatalogErrorInit) {
    const resolved = resolveRef(catalog, init);
    const params = Object.freeze({ ...init.params });
    super(formatResolved(catalog, resolved, params, catalog.defaultLocale), 'cause' in init ? { cause: init.cause } : undefined);
    if (!sharesFactsOnPrototype(new.target.prototype, catalog)) defineFacts(this, catalog);
    this.key = resolved.key;
    this.code = resolved.code?.name as T['code'];
    this.category = (resolved.category?.name ?? resolved.code?.category) as T['category'];
    this.status = (resolved.variant?.status ?? resolved.code?.status ?? resolved.category?.status) as T['status'];
    this.variant = resolved.variant?.when;
    this.params = params;
    this.target = init.target;
    this.values = init.values;
    this.details = init.details;
    this.instance = init.instance;
    this.errors = init.errors;
    registry.set(
      this,
      Object.freeze({
        catalog,
        key: this.key,
        code: this.code,
        category: this.category,
        status: this.status,
        variant: this.variant,
        params,
        target: init.target,
        values: init.values === undefined ? undefined : Object.freeze(init.values.map(({ key, value }) => Object.freeze({ key, value }))),
        details: init.details === undefined ? undefined : Object.freeze(init.details.map(({ name, value }) => Object.freeze({ name, value }))),
        instance: init.instance,
        errors: init.errors === undefined ? undefined : Object.freeze(init.errors.map((entry) => Object.freeze({ ...entry }))),
      }),
    );
  }

  /** The message in `locale` (any tag: `fr-CA` finds `fr`); the default locale when absent or unknown. */
  messageIn(locale?: T['locale']): string {
    const record = recordOf(this);
    return formatResolved(record.catalog, resolve(record), record.params, matchLocale(locale, record.catalog.locales, record.catalog.defaultLocale));
  }

  /** The wire body in `locale` (default locale when absent), exactly as DESIGN.md gives it for the set's wire format. */
  toBody(locale?: T['locale']): T['body'] {
    const { catalog } = recordOf(this);
    return errorBody(this, matchLocale(locale, catalog.locales, catalog.defaultLocale)) as T['body'];
  }

  /** The wire body in the default locale, so `JSON.stringify(error)` is the response body. */
  toJSON(): T['body'] {
    return this.toBody();
  }

  /** RFC 9457 problem details in `locale`; only for errors answered over HTTP. */
  toProblem(locale?: T['locale'], options?: ProblemOptions): ProblemDetails<NonNullable<T['code']> | NonNullable<T['category']>> {
    const { catalog } = recordOf(this);
    return problemBody(this, matchLocale(locale, catalog.locales, catalog.defaultLocale), options) as ProblemDetails<NonNullable<T['code']> | NonNullable<T['category']>>;
  }

  /**
   * `instanceof` that holds across copies of the package: a generated class
   * recognises every error of its own set, `CatalogError` every catalog
   * error; subclasses written by users keep the ordinary prototype check.
   * Only errors a constructor made count: an object that merely has the
   * prototype (`Object.create(MlStudioError.prototype)`) is no catalog error.
   */
  static override [Symbol.hasInstance]<C extends abstract new (...args: never) => unknown>(this: C, value: unknown): value is InstanceType<C> {
    const record = catalogErrorRecord(value);
    if (record === undefined) return false;
    if ((this as unknown) === CatalogError) return true;
    const own = Object.hasOwn(this, 'catalog') ? (this as unknown as { catalog?: ErrorSet }).catalog : undefined;
    if (own !== undefined) return own.brand === record.catalog.brand;
    return ordinaryInstanceOf.call(this, value);
  }
}

/**
 * The facts every error of a set shows, non-enumerable so they never reach a
 * body or a log line's JSON. For reading only: the runtime trusts the
 * registry, never these.
 */
function defineFacts(target: object, catalog: ErrorSet): void {
  Object.defineProperty(target, 'name', { value: catalog.errorName, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(target, 'catalog', { value: catalog, enumerable: false });
}

const prototypeSets = new WeakMap<object, ErrorSet>();

/**
 * A generated class makes every error from one set, so its name, set and
 * brand are defined once on its prototype instead of on each instance:
 * three `defineProperty` calls per error were a third of its cost. Plain
 * `CatalogError`, or a class used with another set, keeps them per instance.
 */
function sharesFactsOnPrototype(prototype: object, catalog: ErrorSet): boolean {
  if (prototype === CatalogError.prototype) return false;
  const known = prototypeSets.get(prototype);
  if (known !== undefined) return known === catalog;
  if (Object.hasOwn(prototype, 'catalog')) return false;
  defineFacts(prototype, catalog);
  prototypeSets.set(prototype, catalog);
  return true;
}

/**
 * Whether a catalog error constructor (of any copy of the runtime) made
 * `value`. Never runs code of `value`, so a hostile Proxy is simply `false`.
 */
export function isCatalogError(value: unknown): value is CatalogError {
  return catalogErrorRecord(value) !== undefined;
}

/** Whether `value` has a catalog error's prototype, whether or not a constructor made it (a forgery has one and no record). */
export function hasCatalogErrorPrototype(value: unknown): boolean {
  return ordinaryInstanceOf.call(CatalogError, value);
}

/** Re-resolves a record's reference in its set, so errors from another copy of the runtime work too. */
function resolve(record: CatalogErrorRecord): ResolvedRef {
  return resolveRef(record.catalog, { code: record.code, category: record.category, variant: record.variant });
}

/** The native wire body of `error` in `locale` (a locale of its set). */
export function errorBody(error: CatalogError, locale: string): object {
  const record = recordOf(error);
  const set = record.catalog;
  const resolved = resolve(record);
  const message = formatResolved(set, resolved, record.params, locale);
  switch (set.wireFormat) {
    case 'rest-guidelines': {
      const category = resolved.category;
      if (!category) throw new TypeError(`${set.errorName}: ${record.key} has no category`);
      const categoryMessage = formatCategory(set, category, locale);
      if (!resolved.code) return restGuidelinesBody(category.name, categoryMessage);
      return restGuidelinesBody(category.name, categoryMessage, { code: resolved.code.name, message, ...(record.target === undefined ? {} : { target: record.target }) });
    }
    case 'batch':
      return batchBody(resolved.code?.name ?? record.key, languageTag(set, locale), message, record.values);
    case 'problem-details':
      return problemBody(error, locale);
    case 'batch-scheduling':
      return batchSchedulingBody(resolved.code?.category ?? '', resolved.code?.name ?? record.key, message, record.details);
  }
}

/**
 * RFC 9457 problem details for `error` in `locale`; `code` is the most
 * specific code (the category for a category alone). The spec's type base
 * wins over `options.typeBase`, and the error's own `instance` over
 * `options.instance`, so that a problem-details service answers the same
 * body whichever way it is asked for. `errors` are sent by problem-details
 * services only: no other format's schema has room for them.
 */
export function problemBody(error: CatalogError, locale: string, options: ProblemOptions = {}): ProblemDetails {
  const record = recordOf(error);
  const set = record.catalog;
  if (typeof record.status !== 'number') throw new TypeError(`${set.errorName} ${record.key} is not answered over HTTP`);
  const message = formatResolved(set, resolve(record), record.params, locale);
  const typeBase = set.problemTypeBase ?? options.typeBase;
  const instance = record.instance ?? options.instance;
  const errors = set.wireFormat === 'problem-details' ? record.errors : undefined;
  return problemDetails(record.status, record.code ?? record.category ?? record.key, message, {
    ...(typeBase === undefined ? {} : { typeBase }),
    ...(instance === undefined ? {} : { instance }),
    ...(errors === undefined ? {} : { errors }),
  });
}

/** The tag a set sends for a locale: its own spelling where the spec gives one, else the locale. */
function languageTag(set: ErrorSet, locale: string): string {
  const tags = set.languageTags;
  return tags !== undefined && Object.hasOwn(tags, locale) ? tags[locale]! : locale;
}
