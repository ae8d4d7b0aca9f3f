import Negotiator from 'negotiator';
import type { CatalogCode, ErrorSet, FailureKind, FailureRef } from './catalog.js';
import { CatalogError, catalogErrorRecord, errorBody, problemBody, type CatalogErrorInit, type CatalogErrorRecord } from './catalog-error.js';
import type { ProblemOptions } from './envelopes.js';
import { negotiateLocale } from './locale.js';
import type { MessageParams } from './template.js';

/** A catalog error answered over HTTP. */
export type HttpCatalogError = CatalogError & { readonly status: number };

export interface FailureOptions {
  readonly cause?: unknown;
  readonly params?: MessageParams;
}

/**
 * What to construct the set's error for a framework failure from
 * (`internal`, `malformedBody`, `bodyTooLarge`, `notFound`, `validation`),
 * as the spec declares it.
 */
export function failureInit(set: ErrorSet, kind: FailureKind, options: FailureOptions = {}): CatalogErrorInit {
  const ref = set.failures?.[kind];
  if (!ref) throw new TypeError(`${set.errorName} declares no ${kind} failure`);
  return refInit(set, ref, options);
}

/** What to construct the set's error for a reference of its data (a failure, a mapped status) from. */
export function refInit(set: ErrorSet, ref: FailureRef, options: FailureOptions = {}): CatalogErrorInit {
  const codes: Readonly<Record<string, CatalogCode>> = set.codes;
  const code = ref.kind === 'code' ? codes[ref.key] : undefined;
  const init: CatalogErrorInit = ref.kind === 'category' ? { category: ref.category } : { code: code?.name ?? ref.key, category: code?.category, params: options.params };
  return 'cause' in options ? { ...init, cause: options.cause } : init;
}

/** The set's error for a framework failure; generated classes offer the same as `XError.failure(kind)`. */
export function failureError(set: ErrorSet, kind: FailureKind, options: FailureOptions = {}): HttpCatalogError {
  return new CatalogError(set, failureInit(set, kind, options)) as HttpCatalogError;
}

/**
 * What a framework adapter answers for anything thrown: the catalog error
 * itself when `thrown` is one of `set` answered over HTTP (from any copy of
 * the package), otherwise `set`'s internal error with `thrown` as its
 * `cause` and nothing of it in the body. A catalog error of another service
 * is not this service's answer: it is an internal failure too.
 */
export function toHttpError(thrown: unknown, set: ErrorSet): HttpCatalogError {
  if (belongsTo(thrown, set)) return thrown as HttpCatalogError;
  return failureError(set, 'internal', { cause: thrown });
}

/** Whether `value` is a catalog error of `set` (by brand, so from any copy of the package) answered over HTTP. */
export function belongsTo(value: unknown, set: ErrorSet): value is HttpCatalogError {
  const record = catalogErrorRecord(value);
  return record !== undefined && typeof record.status === 'number' && record.catalog.brand === set.brand;
}

export interface ResponseOptions extends ProblemOptions {
  /** The request's `Accept-Language` header. */
  readonly acceptLanguage?: string | readonly string[] | null | undefined;
  /** Answer with RFC 9457 problem details instead of the set's own body (a problem-details set always does). */
  readonly problem?: boolean;
}

/**
 * The value of the set's error-code header: the body's top-level code,
 * which is the category (`error.code`) for rest-guidelines and the code
 * (`code`) for the other formats; `undefined` when the set declares no
 * header, or a rest-guidelines error has no category.
 */
export function errorCodeHeaderValue(error: CatalogError): string | undefined {
  const record = catalogErrorRecord(error);
  if (record === undefined) throw new TypeError('not a catalog error: only the constructor of a catalog error class makes one');
  return headerValueOf(record);
}

/** `errorCodeHeaderValue` for an error whose record the caller has already looked up. */
export function headerValueOf(record: CatalogErrorRecord): string | undefined {
  const set = record.catalog;
  if (set.errorCodeHeader === undefined) return undefined;
  return set.wireFormat === 'rest-guidelines' ? record.category : (record.code ?? record.category ?? record.key);
}

/** Whether answers of `set` are problem details: always for a problem-details set, else when asked. */
export function answersWithProblem(set: ErrorSet, asked: boolean | undefined): boolean {
  return set.wireFormat === 'problem-details' || asked === true;
}

export interface ErrorResponse {
  readonly status: number;
  /** Lower-case names: `content-type`, `content-language`, and the set's `errorCodeHeader` when it has one. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: object;
  /** The locale the message is in (also `content-language`). */
  readonly locale: string;
}

/** Status, headers and body for `error`, in the locale the client prefers. */
export function errorResponse(error: HttpCatalogError, options: ResponseOptions = {}): ErrorResponse {
  const record = catalogErrorRecord(error);
  if (record === undefined || typeof record.status !== 'number') throw new TypeError('not a catalog error answered over HTTP');
  const set = record.catalog;
  const locale = negotiateLocale(options.acceptLanguage, set.locales, set.defaultLocale);
  const problem = answersWithProblem(set, options.problem);
  const headers: Record<string, string> = {
    'content-type': problem ? 'application/problem+json' : 'application/json; charset=utf-8',
    'content-language': locale,
  };
  const code = headerValueOf(record);
  if (code !== undefined) headers[set.errorCodeHeader!] = code;
  const body = problem ? problemBody(error, locale, options) : errorBody(error, locale);
  return { status: record.status, headers, body, locale };
}

/** Whether an `Accept` header prefers `application/problem+json` to `application/json`. */
export function prefersProblemDetails(accept: string | readonly string[] | null | undefined): boolean {
  const header = typeof accept === 'string' ? accept : Array.isArray(accept) ? accept.join(',') : '';
  if (header.trim() === '') return false;
  return new Negotiator({ headers: { accept: header } }).mediaType(['application/json', 'application/problem+json']) === 'application/problem+json';
}
