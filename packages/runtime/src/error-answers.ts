// What a framework adapter answers, decided once per thrown value and
// independent of the framework: which catalog error, in which locale and
// envelope, with which headers. The Express and Fastify adapters only read
// request headers and write what this returns.

import { inspect } from 'node:util';
import type { ErrorSet, FailureKind } from './catalog.js';
import { CatalogError, catalogErrorRecord, errorBody, hasCatalogErrorPrototype, isCatalogError, problemBody } from './catalog-error.js';
import type { ProblemDetailsError, ProblemOptions } from './envelopes.js';
import { negotiateLocale } from './locale.js';
import { answersWithProblem, belongsTo, failureInit, headerValueOf, prefersProblemDetails, refInit, type HttpCatalogError } from './response.js';

/** Which body a response carries: the service's own wire format, or RFC 9457 problem details. */
export type Envelope = 'native' | 'problem';

export interface ErrorContext<Request> {
  readonly request: Request;
  /**
   * The catalog error the client was answered with; absent when nothing
   * could be sent (headers already sent). For framework failures it is one
   * frozen error per failure kind, shared between requests: the thrown value
   * is the first argument, not its `cause`.
   */
  readonly answer?: HttpCatalogError;
}

/** Options every adapter takes. */
export interface ErrorAnswerOptions<Request = unknown, Locale extends string = string> {
  /**
   * `native` (default): the service's own body, or problem details when the
   * client's `Accept` prefers `application/problem+json`. `problem`: always
   * problem details.
   */
  readonly envelope?: Envelope;
  /** The locale for clients whose `Accept-Language` names none the service has (default: the service's default locale). */
  readonly defaultLocale?: Locale;
  /**
   * Called with every thrown value that is not a catalog error of this
   * service (the client gets the spec's internal-error code, a framework
   * failure's code, or the code the spec maps a library error's status to),
   * a catalog error of another service included, and with every error that
   * arrives after the headers were sent. For logging: it cannot change the
   * answer, and what it throws is ignored.
   */
  readonly onError?: (error: unknown, context: ErrorContext<Request>) => void;
  /**
   * Turns errors of other libraries into catalog errors (a rate limiter's
   * 429, an auth plugin's 401). Return `undefined` to leave an error to the
   * defaults. A catalog error of another service returned here is answered
   * as this service's internal error, like one thrown.
   */
  readonly mapError?: (error: unknown, request: Request) => CatalogError | null | undefined;
  /**
   * Development only: adds the original error's message and stack to the
   * body of answers to non-catalog errors. Ignored when `NODE_ENV` is
   * `production` when the handler is created.
   */
  readonly exposeDetails?: boolean;
  /** Base of problem details' `type` (`https://errors.example.com/` + code); `about:blank` without it. */
  readonly problemTypeBase?: string;
  /**
   * Problem details' `instance`: `"path"` for the request's path (without
   * the query string, which may carry secrets), or a function of the
   * request; absent by default. A value that is no URI reference, or longer
   * than 2,048 characters, is left out. An error's own `instance` wins.
   */
  readonly problemInstance?: 'path' | ((request: Request) => string | undefined);
}

/** A framework failure recognised in a thrown value, and the property it is about (validation). */
export interface FailureMatch {
  readonly kind: FailureKind;
  readonly property?: string;
  /** Validation: every failing part, for the `errors[]` of problem-details services. */
  readonly errors?: readonly ProblemDetailsError[];
}

/** Recognises the framework's own failures (body parsing, validation) in thrown values. */
export type FailureClassifier = (thrown: unknown) => FailureMatch | undefined;

/** The request's path and query as the client sent it (Express's `originalUrl`, Fastify's `url`). */
export type RequestPath<Request> = (request: Request) => string | undefined;

export interface ErrorAnswer {
  readonly status: number;
  /** Lower-case names; `content-length` is the writer's. */
  readonly headers: Readonly<Record<string, string>>;
  /** Absent for statuses that carry no body (304). */
  readonly body: object | undefined;
  /** The body is problem details. */
  readonly problem: boolean;
  /** The body carries development details, which the response schemas do not describe. */
  readonly detailed: boolean;
}

export interface ErrorAnswerer<Request> {
  readonly set: ErrorSet;
  /** The answer to anything thrown while handling `request`. Never throws. */
  answer(thrown: unknown, request: Request, headers: RequestHeaders): ErrorAnswer;
  /** The answer to a request no route matched. Never throws. */
  notFound(request: Request, headers: RequestHeaders): ErrorAnswer;
  /** Hands an error that arrived after the headers were sent to `onError`. Never throws. */
  report(thrown: unknown, request: Request): void;
  /** `Vary` fields every answer depends on (`Accept-Language`, `Accept`). */
  readonly vary: readonly string[];
  /** `vary` as a header value, for responses that have none yet. */
  readonly varyValue: string;
}

export interface RequestHeaders {
  readonly 'accept-language'?: string | readonly string[] | undefined;
  readonly accept?: string | readonly string[] | undefined;
}

/** Bounds of the per-handler cache of negotiated `Accept-Language` headers. */
const LOCALE_CACHE_ENTRIES = 256;
const LOCALE_CACHE_HEADER_LENGTH = 256;
/** Longest property path copied from a validation error into a body. */
const PROPERTY_LENGTH = 256;
/** Most `errors[]` entries copied from a validation error into a body. */
const ERRORS_LENGTH = 32;

/** Longest problem details `instance` sent. */
const INSTANCE_LENGTH = 2048;
/** Characters RFC 3986 allows in a URI reference (with `%` of percent-encoding). */
const URI_REFERENCE = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;

const PROBLEM_TYPE = 'application/problem+json';
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The status a library's error asks for, read as Express's own handler
 * reads it: an `Error` whose `status` (else `statusCode`) is an integer
 * 400–599 (`http-errors`, `@fastify/error`, `@fastify/sensible`). Anything
 * else (`200`, `NaN`, `"401"`, a plain object) asks for none.
 */
export function libraryStatus(thrown: unknown): number | undefined {
  if (!(thrown instanceof Error)) return undefined;
  const { status, statusCode } = thrown as Error & { status?: unknown; statusCode?: unknown };
  if (isErrorStatus(status)) return status;
  if (isErrorStatus(statusCode)) return statusCode;
  return undefined;
}

function isErrorStatus(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599;
}

/**
 * Prepares everything that does not depend on the request (locales, headers,
 * the internal error's fallback answer), and checks the options, so that a
 * wrong option fails when the app starts rather than on its first error.
 */
export function createErrorAnswerer<Request>(
  set: ErrorSet,
  options: ErrorAnswerOptions<Request> = {},
  classify: FailureClassifier = () => undefined,
  pathOf: RequestPath<Request> = () => undefined,
): ErrorAnswerer<Request> {
  if (!set.failures) throw new TypeError(`${set.errorName} is not answered over HTTP: its catalog declares no failures`);
  const envelope = options.envelope ?? 'native';
  if (envelope !== 'native' && envelope !== 'problem') throw new TypeError(`envelope must be "native" or "problem", not ${JSON.stringify(envelope)}`);
  const defaultLocale = options.defaultLocale ?? set.defaultLocale;
  if (!set.locales.includes(defaultLocale)) {
    throw new TypeError(`defaultLocale ${JSON.stringify(defaultLocale)} is not a locale of ${set.errorName}; use one of ${set.locales.join(', ')}`);
  }
  const onError = options.onError;
  const mapError = options.mapError;
  const exposeDetails = options.exposeDetails === true && process.env.NODE_ENV !== 'production';
  const problemOptions: ProblemOptions = options.problemTypeBase === undefined ? {} : { typeBase: options.problemTypeBase };
  const problemInstance = options.problemInstance;
  if (problemInstance !== undefined && problemInstance !== 'path' && typeof problemInstance !== 'function') {
    throw new TypeError(`problemInstance must be "path" or a function of the request, not ${JSON.stringify(problemInstance)}`);
  }
  const statuses = set.statuses ?? {};
  // `*` and unmatched headers both give the default locale.
  const locales = [defaultLocale, ...set.locales.filter((locale) => locale !== defaultLocale)];
  const localeCache = new Map<string, string>();
  // A problem-details service answers problem details whatever `Accept` says.
  const negotiates = envelope === 'native' && set.wireFormat !== 'problem-details';
  const vary = [...(locales.length > 1 ? ['Accept-Language'] : []), ...(negotiates ? ['Accept'] : [])];

  function localeOf(header: string | readonly string[] | undefined, of: ErrorSet): string {
    // A catalog error of another service (an app may throw any) answers in a locale of its own.
    if (of !== set) return negotiateLocale(header, of.locales, of.defaultLocale);
    if (header === undefined || header === '') return defaultLocale;
    if (typeof header !== 'string' || header.length > LOCALE_CACHE_HEADER_LENGTH) return negotiateLocale(header, locales, defaultLocale);
    let locale = localeCache.get(header);
    if (locale === undefined) {
      locale = negotiateLocale(header, locales, defaultLocale);
      if (localeCache.size >= LOCALE_CACHE_ENTRIES) localeCache.clear();
      localeCache.set(header, locale);
    }
    return locale;
  }

  function wantsProblem(accept: string | readonly string[] | undefined): boolean {
    if (!negotiates) return true;
    if (accept === undefined) return false;
    // Only a header that names problem+json can prefer it.
    if (typeof accept === 'string' && !/problem/i.test(accept)) return false;
    return prefersProblemDetails(accept);
  }

  /** The `instance` of problem details for `request`, when the options ask for one and it is a URI reference. */
  function instanceFor(request: Request | undefined): string | undefined {
    if (problemInstance === undefined || request === undefined) return undefined;
    try {
      let value = problemInstance === 'path' ? pathOf(request) : problemInstance(request);
      if (typeof value !== 'string') return undefined;
      if (problemInstance === 'path') value = value.replace(/[?#].*$/s, '');
      return value !== '' && value.length <= INSTANCE_LENGTH && URI_REFERENCE.test(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  function build(error: HttpCatalogError, headers: RequestHeaders, thrown: unknown, original: boolean, request: Request | undefined): ErrorAnswer {
    const record = catalogErrorRecord(error)!;
    const status = record.status!;
    const locale = localeOf(headers['accept-language'], record.catalog);
    const problem = answersWithProblem(record.catalog, wantsProblem(headers.accept));
    const responseHeaders: Record<string, string> = { 'content-type': problem ? PROBLEM_TYPE : JSON_TYPE, 'content-language': locale, 'x-content-type-options': 'nosniff' };
    // An error is never cached as the route's success would be; a 304 keeps the caching headers of what it validates.
    if (status !== 304) responseHeaders['cache-control'] = 'no-store';
    const code = headerValueOf(record);
    if (code !== undefined) responseHeaders[record.catalog.errorCodeHeader!] = code;
    if (!hasBody(status)) {
      delete responseHeaders['content-type'];
      return { status, headers: responseHeaders, body: undefined, problem, detailed: false };
    }
    let body: object;
    if (problem) {
      const instance = instanceFor(request);
      body = problemBody(error, locale, instance === undefined ? problemOptions : { ...problemOptions, instance });
    } else {
      body = errorBody(error, locale);
    }
    const detailed = exposeDetails && original;
    if (detailed) body = withDetails(body, record.catalog, problem, thrown);
    return { status, headers: responseHeaders, body, problem, detailed };
  }

  // One error per failure kind, made once: answering a failure then costs no
  // stack capture. They carry no `cause` (the thrown value goes to onError).
  const failures = new Map<FailureKind, HttpCatalogError>();

  function failure(kind: FailureKind, property?: string, errors?: readonly ProblemDetailsError[]): HttpCatalogError {
    if (property !== undefined) {
      return new CatalogError(set, { ...failureInit(set, kind), target: property, values: [{ key: 'PropertyName', value: property }], errors }) as HttpCatalogError;
    }
    let error = failures.get(kind);
    if (!error) {
      error = Object.freeze(new CatalogError(set, failureInit(set, kind))) as HttpCatalogError;
      failures.set(kind, error);
    }
    return error;
  }

  // One error per status the spec maps (`failures.statuses`), made on first use.
  const statusErrors = new Map<string, HttpCatalogError>();

  function statusError(status: number): HttpCatalogError | undefined {
    const key = String(status);
    if (!Object.hasOwn(statuses, key)) return undefined;
    let error = statusErrors.get(key);
    if (!error) {
      error = Object.freeze(new CatalogError(set, refInit(set, statuses[key]!))) as HttpCatalogError;
      statusErrors.set(key, error);
    }
    return error;
  }

  function tell(thrown: unknown, request: Request, answer: HttpCatalogError | undefined): void {
    if (!onError) return;
    try {
      onError(thrown, answer === undefined ? { request } : { request, answer });
    } catch {
      // A logger that throws must not change what the client gets.
    }
  }

  /** What answers a value that is no catalog error of this service: a framework failure, a mapped library status, else the internal error. */
  function defaultError(thrown: unknown): { error: HttpCatalogError; original: boolean } {
    if (isCatalogError(thrown)) return { error: failure('internal'), original: false };
    // An object with a catalog error's prototype that no constructor made is no library's error either.
    if (hasCatalogErrorPrototype(thrown)) return { error: failure('internal'), original: true };
    const match = classify(thrown);
    if (match) return { error: failure(match.kind, clip(match.property), clipErrors(match.errors)), original: true };
    const status = libraryStatus(thrown);
    const mapped = status === undefined ? undefined : statusError(status);
    return { error: mapped ?? failure('internal'), original: true };
  }

  const fallbackError = failure('internal');
  const fallback = build(fallbackError, {}, undefined, false, undefined);

  /** The internal error in the client's locale; the prepared fallback when even that fails. */
  function internal(headers: RequestHeaders, request: Request): ErrorAnswer {
    try {
      return build(fallbackError, headers, undefined, false, request);
    } catch {
      return fallback;
    }
  }

  return {
    set,
    vary,
    varyValue: vary.join(', '),
    answer(thrown, request, headers) {
      try {
        // The registry is read without running code of `thrown` (no getters, no Proxy traps).
        if (belongsTo(thrown, set)) return build(thrown, headers, thrown, false, request);
        const mapped = mapError ? mapError(thrown, request) : undefined;
        if (isCatalogError(mapped)) {
          // A catalog error of another service (or one not answered over HTTP) is no answer of this one.
          const answer = belongsTo(mapped, set) ? mapped : fallbackError;
          tell(thrown, request, answer);
          return build(answer, headers, thrown, false, request);
        }
        const { error, original } = defaultError(thrown);
        tell(thrown, request, error);
        return build(error, headers, thrown, original, request);
      } catch {
        // Whatever went wrong (a hostile thrown value, a throwing mapError),
        // the client still gets the internal error, in its language, and nothing of it.
        tell(thrown, request, fallbackError);
        return internal(headers, request);
      }
    },
    notFound(request, headers) {
      try {
        return build(failure('notFound'), headers, undefined, false, request);
      } catch {
        return internal(headers, request);
      }
    },
    report(thrown, request) {
      tell(thrown, request, undefined);
    },
  };
}

/** 1xx, 204 and 304 responses carry no body (RFC 9110). */
function hasBody(status: number): boolean {
  return status >= 200 && status !== 204 && status !== 304;
}

function clip(property: string | undefined): string | undefined {
  if (property === undefined) return undefined;
  return property.length > PROPERTY_LENGTH ? `${property.slice(0, PROPERTY_LENGTH - 1)}…` : property;
}

function clipErrors(errors: readonly ProblemDetailsError[] | undefined): ProblemDetailsError[] | undefined {
  if (errors === undefined || errors.length === 0) return undefined;
  return errors.slice(0, ERRORS_LENGTH).map((entry) => ({
    detail: clip(entry.detail)!,
    ...(entry.pointer === undefined ? {} : { pointer: clip(entry.pointer)! }),
    ...(entry.name === undefined ? {} : { name: clip(entry.name)! }),
  }));
}

/** What a developer sees of a non-catalog error; never computed in production. */
function describe(thrown: unknown): { message: string; stack?: string } {
  try {
    if (thrown instanceof Error) return { message: `${thrown.name}: ${thrown.message}`, ...(typeof thrown.stack === 'string' ? { stack: thrown.stack } : {}) };
    return { message: inspect(thrown, { depth: 2, customInspect: false, getters: false, breakLength: Infinity }) };
  } catch {
    return { message: 'a value that cannot be described' };
  }
}

/** The body with the original error added where each envelope has room for it. */
function withDetails(body: object, set: ErrorSet, problem: boolean, thrown: unknown): object {
  const details = describe(thrown);
  if (problem) return { ...body, exception: details };
  switch (set.wireFormat) {
    case 'rest-guidelines': {
      const { error } = body as { error: object };
      // The REST guidelines' place for debugging information.
      return { error: { ...error, innererror: details } };
    }
    case 'batch': {
      const batch = body as { values?: Array<{ key: string; value: string }> };
      const values = [...(batch.values ?? []), { key: 'ExceptionMessage', value: details.message }, ...(details.stack === undefined ? [] : [{ key: 'StackTrace', value: details.stack }])];
      return { ...batch, values };
    }
    default:
      return body;
  }
}

/** `existing` (a response's `Vary`) with `fields` added once each; `*` stays `*`. */
export function varyHeader(existing: string | number | readonly string[] | undefined, fields: readonly string[]): string {
  if (existing === undefined) return fields.join(', ');
  const current = Array.isArray(existing) ? existing.join(', ') : String(existing);
  if (current === '') return fields.join(', ');
  const names = current.split(',').map((name) => name.trim().toLowerCase());
  if (names.includes('*')) return '*';
  const missing = fields.filter((field) => !names.includes(field.toLowerCase()));
  return missing.length === 0 ? current : `${current}, ${missing.join(', ')}`;
}
