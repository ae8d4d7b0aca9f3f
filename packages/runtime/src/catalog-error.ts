import type { ErrorSet } from './catalog.js';
import { batchBody, batchSchedulingBody, problemDetails, restGuidelinesBody, type BatchErrorValue, type NameValuePair, type ProblemDetails, type ProblemDetailsError, type ProblemOptions } from './envelopes.js';
import { matchLocale } from './locale.js';
import { formatCategory, formatResolved, resolveRef, type MessageRef, type ResolvedRef } from './message.js';
import type { MessageParams } from './template.js';

/** Marks every catalog error, whichever copy of the runtime or of a generated package made it. */
export const CATALOG_ERROR = Symbol.for('errcat.catalog-error');

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
  }

  /** The message in `locale` (any tag: `fr-CA` finds `fr`); the default locale when absent or unknown. */
  messageIn(locale?: T['locale']): string {
    return formatResolved(this.catalog, resolve(this), this.params, matchLocale(locale, this.catalog.locales, this.catalog.defaultLocale));
  }

  /** The wire body in `locale` (default locale when absent), exactly as DESIGN.md gives it for the set's wire format. */
  toBody(locale?: T['locale']): T['body'] {
    return errorBody(this, matchLocale(locale, this.catalog.locales, this.catalog.defaultLocale)) as T['body'];
  }

  /** The wire body in the default locale, so `JSON.stringify(error)` is the response body. */
  toJSON(): T['body'] {
    return this.toBody();
  }

  /** RFC 9457 problem details in `locale`; only for errors answered over HTTP. */
  toProblem(locale?: T['locale'], options?: ProblemOptions): ProblemDetails<NonNullable<T['code']> | NonNullable<T['category']>> {
    return problemBody(this, matchLocale(locale, this.catalog.locales, this.catalog.defaultLocale), options) as ProblemDetails<NonNullable<T['code']> | NonNullable<T['category']>>;
  }

  /**
   * `instanceof` that holds across copies of the package: a generated class
   * recognises every error of its own set, `CatalogError` every catalog
   * error; subclasses written by users keep the ordinary prototype check.
   */
  static override [Symbol.hasInstance]<C extends abstract new (...args: never) => unknown>(this: C, value: unknown): value is InstanceType<C> {
    if (ordinaryInstanceOf.call(this, value)) return true;
    const brand = brandOf(value);
    if (brand === undefined) return false;
    if ((this as unknown) === CatalogError) return true;
    const own = Object.hasOwn(this, 'catalog') ? (this as unknown as { catalog?: ErrorSet }).catalog : undefined;
    return own?.brand === brand;
  }
}

/** The facts every error of a set carries, non-enumerable so they never reach a body or a log line's JSON. */
function defineFacts(target: object, catalog: ErrorSet): void {
  Object.defineProperty(target, 'name', { value: catalog.errorName, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(target, 'catalog', { value: catalog, enumerable: false });
  Object.defineProperty(target, CATALOG_ERROR, { value: catalog.brand, enumerable: false });
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

function brandOf(value: unknown): string | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  const brand = (value as { [CATALOG_ERROR]?: unknown })[CATALOG_ERROR];
  return typeof brand === 'string' ? brand : undefined;
}

/** Whether `value` is an error of any catalog, from any copy of the runtime. */
export function isCatalogError(value: unknown): value is CatalogError {
  return brandOf(value) !== undefined && typeof (value as { catalog?: unknown }).catalog === 'object';
}

/** Re-resolves an error's reference from its data, so errors from another copy of the runtime work too. */
function resolve(error: CatalogError): ResolvedRef {
  return resolveRef(error.catalog, { code: error.code, category: error.category, variant: error.variant });
}

/** The native wire body of `error` in `locale` (a locale of its set). */
export function errorBody(error: CatalogError, locale: string): object {
  const set = error.catalog;
  const resolved = resolve(error);
  const message = formatResolved(set, resolved, error.params, locale);
  switch (set.wireFormat) {
    case 'rest-guidelines': {
      const category = resolved.category;
      if (!category) throw new TypeError(`${set.errorName}: ${error.key} has no category`);
      const categoryMessage = formatCategory(set, category, locale);
      if (!resolved.code) return restGuidelinesBody(category.name, categoryMessage);
      return restGuidelinesBody(category.name, categoryMessage, { code: resolved.code.name, message, ...(error.target === undefined ? {} : { target: error.target }) });
    }
    case 'batch':
      return batchBody(resolved.code?.name ?? error.key, languageTag(error.catalog, locale), message, error.values);
    case 'problem-details':
      return problemBody(error, locale);
    case 'batch-scheduling':
      return batchSchedulingBody(resolved.code?.category ?? '', resolved.code?.name ?? error.key, message, error.details);
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
  const set = error.catalog;
  if (typeof error.status !== 'number') throw new TypeError(`${set.errorName} ${error.key} is not answered over HTTP`);
  const message = formatResolved(set, resolve(error), error.params, locale);
  const typeBase = set.problemTypeBase ?? options.typeBase;
  const instance = error.instance ?? options.instance;
  const errors = set.wireFormat === 'problem-details' ? error.errors : undefined;
  return problemDetails(error.status, error.code ?? error.category ?? error.key, message, {
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
