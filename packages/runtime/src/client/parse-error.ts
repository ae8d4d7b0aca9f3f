// Reads an error body back into a result, for any catalog and wire format.
// Input is untrusted: only own properties are read, every value's type is
// checked, nothing from the body is used as a key to write, and whatever
// goes wrong becomes a result, never a throw.

import type { BatchErrorValue, NameValuePair, ProblemDetailsError, RestGuidelinesDetail } from '../envelopes.js';
import type { ClientCategory, ClientCode, ClientErrorSet } from './client-set.js';
import type { ForeignBody, ForeignReason, ParsedCommon, ParsedError, ProblemFields } from './results.js';

/** Response headers: a WHATWG `Headers`, or a plain object (Node's `IncomingHttpHeaders`). */
export type HeadersLike = { get(name: string): string | null } | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface ParseOptions {
  /** The response's status. */
  readonly status?: number | undefined;
  /** The response's headers: `Content-Type`, `Content-Language` and the service's error-code header are read. */
  readonly headers?: HeadersLike | undefined;
  /** Longest body text parsed, in UTF-16 code units (default 65,536); a longer one is `too-large`. */
  readonly maxLength?: number | undefined;
}

/** Error bodies are small: a bound far above any real one, far below what could hurt. */
export const DEFAULT_MAX_LENGTH = 65_536;
/** Most entries kept of `details`, `values` and `errors`. */
const MAX_ENTRIES = 100;

interface HeaderFacts {
  readonly contentType: string | undefined;
  readonly contentLanguage: string | undefined;
  readonly errorCode: string | undefined;
}

type Json = Readonly<Record<string, unknown>>;

/**
 * Reads `body` (JSON text, or a value already parsed) as an error of `set`.
 * Never throws; never writes to anything but the result it returns.
 */
export function parseError(set: ClientErrorSet, body: unknown, options: ParseOptions = {}): ParsedError {
  const status = httpStatus(options.status);
  let headers: HeaderFacts = { contentType: undefined, contentLanguage: undefined, errorCode: undefined };
  try {
    headers = headerFacts(options.headers, set.errorCodeHeader);
    return new Reader(set, status, headers).read(body, options.maxLength ?? DEFAULT_MAX_LENGTH);
  } catch {
    return foreign('unreadable', status, headers.contentType, undefined);
  }
}

export function foreign(reason: ForeignReason, status: number | undefined, contentType: string | undefined, body: unknown): ForeignBody {
  return { kind: 'foreign', key: undefined, code: undefined, category: undefined, reason, message: undefined, locale: undefined, problem: undefined, status, contentType, body };
}

/** Whether a `Content-Type` is JSON (`application/json`, `application/problem+json`, any `+json`); an absent one may be. */
export function isJsonType(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  const media = mediaType(contentType);
  return media === 'application/json' || media.endsWith('+json');
}

function mediaType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

class Reader {
  constructor(
    private readonly set: ClientErrorSet,
    private readonly status: number | undefined,
    private readonly headers: HeaderFacts,
  ) {}

  read(body: unknown, maxLength: number): ParsedError {
    const { contentType } = this.headers;
    if (body === undefined || body === null) return this.empty(undefined);
    if (typeof body === 'string') {
      if (body.length > maxLength) return foreign('too-large', this.status, contentType, undefined);
      if (body.trim() === '') return this.empty(body);
      if (!isJsonType(contentType)) return foreign('content-type', this.status, contentType, body);
      let value: unknown;
      try {
        value = JSON.parse(body);
      } catch {
        return foreign('not-json', this.status, contentType, body);
      }
      return this.value(value);
    }
    return this.value(body);
  }

  /** No body: the error-code header, when the service sends one, still names the error (a HEAD request, a 304). */
  private empty(text: string | undefined): ParsedError {
    const named = this.headers.errorCode;
    if (named !== undefined) {
      if (this.set.wireFormat === 'rest-guidelines') {
        const category = own(this.set.categories, named) as ClientCategory | undefined;
        if (category !== undefined && standsAlone(category)) return this.known(named, undefined, category, undefined, undefined, this.fields(), undefined, undefined);
      } else {
        const code = own(this.set.codes, named) as ClientCode | undefined;
        if (code !== undefined) return this.known(named, code, undefined, undefined, undefined, this.fields(), undefined, undefined);
      }
    }
    return foreign('empty', this.status, this.headers.contentType, text);
  }

  private value(value: unknown): ParsedError {
    if (!isObject(value)) return this.shape(value);
    const contentType = this.headers.contentType;
    const problem = (contentType !== undefined && mediaType(contentType) === 'application/problem+json') || this.set.wireFormat === 'problem-details' || looksLikeProblem(value);
    if (problem) return this.problem(value);
    switch (this.set.wireFormat) {
      case 'rest-guidelines':
        return this.restGuidelines(value);
      case 'batch':
        return this.batch(value);
      case 'batch-scheduling':
        return this.scheduling(value);
      default:
        return this.shape(value);
    }
  }

  private restGuidelines(value: Json): ParsedError {
    const error = own(value, 'error');
    if (!isObject(error)) return this.shape(value);
    const categoryName = own(error, 'code');
    if (typeof categoryName !== 'string') return this.shape(value);
    const categoryMessage = text(own(error, 'message'));
    const details = entries(own(error, 'details'), restDetail);
    const first = details[0];
    const fields = { categoryMessage, target: first?.target, details };
    const message = first?.message ?? categoryMessage;
    const category = own(this.set.categories, categoryName) as ClientCategory | undefined;
    if (category !== undefined) {
      if (first !== undefined) {
        const key = `${categoryName}/${first.code}`;
        const code = own(this.set.codes, key) as ClientCode | undefined;
        if (code !== undefined) return this.known(key, code, category, message, undefined, fields, undefined, value);
      } else if (standsAlone(category)) {
        return this.known(categoryName, undefined, category, message, undefined, fields, undefined, value);
      }
    }
    return this.unknown(first?.code ?? categoryName, categoryName, message, undefined, fields, undefined, value);
  }

  private batch(value: Json): ParsedError {
    const code = own(value, 'code');
    if (typeof code !== 'string') return this.shape(value);
    const sent = own(value, 'message');
    const message = isObject(sent) ? text(own(sent, 'value')) : text(sent);
    const lang = isObject(sent) ? text(own(sent, 'lang')) : undefined;
    const fields = { values: entries(own(value, 'values'), batchValue) };
    const known = own(this.set.codes, code) as ClientCode | undefined;
    if (known !== undefined) return this.known(code, known, undefined, message, lang, fields, undefined, value);
    return this.unknown(code, undefined, message, lang, fields, undefined, value);
  }

  private scheduling(value: Json): ParsedError {
    const code = own(value, 'code');
    if (typeof code !== 'string') return this.shape(value);
    const rawCategory = text(own(value, 'category'));
    const message = text(own(value, 'message'));
    const fields = { details: entries(own(value, 'details'), nameValue) };
    // The REST definitions send `usererror`; the docs page displays `UserError`.
    const category = rawCategory === undefined ? undefined : (own(this.set.categories, rawCategory) as ClientCategory | undefined) ?? this.categoryIgnoringCase(rawCategory);
    const key = category === undefined ? (rawCategory === undefined ? this.onlyKeyNamed(code) : undefined) : `${category.name}/${code}`;
    const known = key === undefined ? undefined : (own(this.set.codes, key) as ClientCode | undefined);
    if (known !== undefined) return this.known(key!, known, category, message, undefined, fields, undefined, value);
    return this.unknown(code, rawCategory, message, undefined, fields, undefined, value);
  }

  /** RFC 9457 with `code`: for any service when the client asked for it, and for problem-details services. */
  private problem(value: Json): ParsedError {
    const code = own(value, 'code');
    if (typeof code !== 'string') return this.shape(value);
    const sentStatus = httpStatus(own(value, 'status'));
    const problem: ProblemFields = {
      type: text(own(value, 'type')),
      title: text(own(value, 'title')),
      status: sentStatus,
      instance: text(own(value, 'instance')),
      errors: entries(own(value, 'errors'), problemError),
    };
    const message = text(own(value, 'detail'));
    const fields = this.fields();
    const status = sentStatus ?? this.status;
    const key = this.problemKey(code, status);
    if (key !== undefined) {
      const known = own(this.set.codes, key) as ClientCode | undefined;
      if (known !== undefined) return this.known(key, known, known.category === undefined ? undefined : (own(this.set.categories, known.category) as ClientCategory), message, undefined, fields, problem, value);
      const category = own(this.set.categories, key) as ClientCategory | undefined;
      if (category !== undefined) return this.known(key, undefined, category, message, undefined, fields, problem, value);
    }
    return this.unknown(code, this.headers.errorCode, message, undefined, fields, problem, value);
  }

  /**
   * Problem details carry the most specific code and no category: a name
   * under several categories is told apart by the error-code header (the
   * category, for rest-guidelines), then by status; what is still ambiguous
   * goes to the first category in catalog order.
   */
  private problemKey(code: string, status: number | undefined): string | undefined {
    if (own(this.set.codes, code) !== undefined) return code;
    let keys: readonly string[] = keysNamed(this.set).get(code) ?? [];
    if (keys.length === 0) return own(this.set.categories, code) === undefined ? undefined : code;
    const header = this.headers.errorCode;
    if (this.set.wireFormat === 'rest-guidelines' && header !== undefined) keys = narrowed(keys, (key) => key === `${header}/${code}`);
    if (status !== undefined) keys = narrowed(keys, (key) => statusesOf(this.set.codes[key]!, this.set).includes(status));
    return keys[0];
  }

  private onlyKeyNamed(code: string): string | undefined {
    const keys = keysNamed(this.set).get(code) ?? [];
    return keys.length === 1 ? keys[0] : undefined;
  }

  private categoryIgnoringCase(name: string): ClientCategory | undefined {
    const lower = name.toLowerCase();
    const found = Object.keys(this.set.categories).find((category) => category.toLowerCase() === lower);
    return found === undefined ? undefined : this.set.categories[found];
  }

  /** The envelope's own fields, empty: for problem details and header-only answers. */
  private fields(): object {
    switch (this.set.wireFormat) {
      case 'rest-guidelines':
        return { categoryMessage: undefined, target: undefined, details: [] };
      case 'batch':
        return { values: [] };
      case 'batch-scheduling':
        return { details: [] };
      default:
        return {};
    }
  }

  private common(message: string | undefined, lang: string | undefined, problem: ProblemFields | undefined, body: unknown): ParsedCommon {
    const language = lang ?? firstTag(this.headers.contentLanguage);
    return { message, locale: catalogLocale(this.set, language), language, responseStatus: this.status, problem, body };
  }

  private known(key: string, code: ClientCode | undefined, category: ClientCategory | undefined, message: string | undefined, lang: string | undefined, fields: object, problem: ProblemFields | undefined, body: unknown): ParsedError {
    const variants = code?.variants ?? [];
    const asked = problem?.status ?? this.status;
    const variant = variants.find((entry) => entry.status === asked) ?? variants[0];
    return {
      kind: 'catalog',
      key,
      code: code?.name,
      category: code?.category ?? category?.name,
      status: variant?.status ?? code?.status ?? category?.status,
      variant: variant?.when,
      ...this.common(message, lang, problem, body),
      ...fields,
    };
  }

  private unknown(rawCode: string, rawCategory: string | undefined, message: string | undefined, lang: string | undefined, fields: object, problem: ProblemFields | undefined, body: unknown): ParsedError {
    return {
      kind: 'unknown-code',
      key: undefined,
      code: undefined,
      category: undefined,
      rawCode,
      rawCategory,
      status: problem?.status ?? this.status,
      variant: undefined,
      ...this.common(message, lang, problem, body),
      ...fields,
    };
  }

  private shape(value: unknown): ForeignBody {
    return foreign('shape', this.status, this.headers.contentType, value);
  }
}

function standsAlone(category: ClientCategory): boolean {
  return category.alone === true || category.message !== undefined;
}

function statusesOf(code: ClientCode, set: ClientErrorSet): number[] {
  if (code.variants !== undefined && code.variants.length > 0) return code.variants.map((variant) => variant.status);
  const status = code.status ?? (code.category === undefined ? undefined : set.categories[code.category]?.status);
  return status === undefined ? [] : [status];
}

/** `keys` filtered by `keep`, or `keys` when nothing would be left. */
function narrowed(keys: readonly string[], keep: (key: string) => boolean): readonly string[] {
  const kept = keys.filter(keep);
  return kept.length > 0 ? kept : keys;
}

const namesBySet = new WeakMap<ClientErrorSet, Map<string, string[]>>();

/** Keys of `set.codes` by wire name, in catalog order; made once per set. */
function keysNamed(set: ClientErrorSet): Map<string, string[]> {
  let names = namesBySet.get(set);
  if (names === undefined) {
    names = new Map();
    for (const key of Object.keys(set.codes)) {
      const name = set.codes[key]!.name;
      const keys = names.get(name);
      if (keys === undefined) names.set(name, [key]);
      else keys.push(key);
    }
    namesBySet.set(set, names);
  }
  return names;
}

/** The catalog locale a sent tag names: exactly, as the service spells it (`en-US` → `en`), or by language (`fr-CA` → `fr`). */
export function catalogLocale(set: ClientErrorSet, tag: string | undefined): string | undefined {
  if (tag === undefined) return undefined;
  const lower = tag.toLowerCase();
  const exact = set.locales.find((locale) => locale.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const tags = set.languageTags ?? {};
  const spelled = Object.keys(tags).find((locale) => tags[locale]!.toLowerCase() === lower && set.locales.includes(locale));
  if (spelled !== undefined) return spelled;
  const language = lower.split('-')[0]!;
  const same = set.locales.filter((locale) => locale.toLowerCase().split('-')[0] === language);
  return same.find((locale) => locale.toLowerCase() === language) ?? (same.length === 1 ? same[0] : undefined);
}

/** The first tag of a `Content-Language` (which may list several). */
function firstTag(header: string | undefined): string | undefined {
  const tag = header?.split(',')[0]!.trim();
  return tag === '' ? undefined : tag;
}

function headerFacts(headers: HeadersLike | undefined, errorCodeHeader: string | undefined): HeaderFacts {
  if (headers === undefined || headers === null || typeof headers !== 'object') return { contentType: undefined, contentLanguage: undefined, errorCode: undefined };
  return {
    contentType: headerValue(headers, 'content-type'),
    contentLanguage: headerValue(headers, 'content-language'),
    errorCode: errorCodeHeader === undefined ? undefined : headerValue(headers, errorCodeHeader)?.trim(),
  };
}

function headerValue(headers: HeadersLike, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const value = (headers as { get(name: string): unknown }).get(name);
    return typeof value === 'string' ? value : undefined;
  }
  const record = headers as Readonly<Record<string, unknown>>;
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ');
  return undefined;
}

function httpStatus(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599 ? value : undefined;
}

function looksLikeProblem(value: Json): boolean {
  if (typeof own(value, 'status') !== 'number') return false;
  if (isObject(own(value, 'error')) || isObject(own(value, 'message'))) return false;
  return typeof own(value, 'title') === 'string' || typeof own(value, 'type') === 'string' || typeof own(value, 'detail') === 'string';
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: nothing inherited (`__proto__`, `constructor`, a crafted prototype) is ever read. */
function own(value: object, key: string): unknown {
  return Object.hasOwn(value, key) ? (value as Json)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The well-formed entries of an array, copied, at most `MAX_ENTRIES`. */
function entries<T>(value: unknown, entry: (item: Json) => T | undefined): T[] {
  if (!Array.isArray(value)) return [];
  const kept: T[] = [];
  for (let index = 0; index < value.length && kept.length < MAX_ENTRIES; index++) {
    const item: unknown = value[index];
    const copy = isObject(item) ? entry(item) : undefined;
    if (copy !== undefined) kept.push(copy);
  }
  return kept;
}

function restDetail(item: Json): RestGuidelinesDetail | undefined {
  const code = text(own(item, 'code'));
  if (code === undefined) return undefined;
  const target = text(own(item, 'target'));
  return { code, message: text(own(item, 'message')) ?? '', ...(target === undefined ? {} : { target }) };
}

function batchValue(item: Json): BatchErrorValue | undefined {
  const key = text(own(item, 'key'));
  const value = text(own(item, 'value'));
  return key === undefined || value === undefined ? undefined : { key, value };
}

function nameValue(item: Json): NameValuePair | undefined {
  const name = text(own(item, 'name'));
  const value = text(own(item, 'value'));
  return name === undefined || value === undefined ? undefined : { name, value };
}

function problemError(item: Json): ProblemDetailsError | undefined {
  const detail = text(own(item, 'detail'));
  if (detail === undefined) return undefined;
  const pointer = text(own(item, 'pointer'));
  const name = text(own(item, 'name'));
  return { detail, ...(pointer === undefined ? {} : { pointer }), ...(name === undefined ? {} : { name }) };
}
