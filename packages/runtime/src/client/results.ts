// What a client gets back from an error answer: a catalog error it knows,
// a well-formed error with a code it does not know yet (a newer server), or
// a body that is not this service's at all (a proxy's HTML 502, an empty
// 503). Plain data, never a class: results are made from untrusted input.

import type { BatchErrorValue, NameValuePair, ProblemDetailsError, RestGuidelinesDetail } from '../envelopes.js';

/** Why a body is not an error of the service. */
export type ForeignReason =
  /** No body at all (or only whitespace). */
  | 'empty'
  /** A content type that is not JSON (`text/html`): the text read is in `body`. */
  | 'content-type'
  /** Not JSON: truncated, or some other text. */
  | 'not-json'
  /** JSON, but not the service's envelope (no code where the format puts it, wrong types). */
  | 'shape'
  /** Longer than the bound (`maxBytes`); nothing past the bound was read. */
  | 'too-large'
  /** The response's body had already been read by someone else. */
  | 'body-used'
  /** Reading the body failed (the connection broke), or the value could not be inspected. */
  | 'unreadable';

/** RFC 9457 members of a problem details answer (`application/problem+json`). */
export interface ProblemFields {
  readonly type: string | undefined;
  readonly title: string | undefined;
  readonly status: number | undefined;
  readonly instance: string | undefined;
  /** `errors[]` as sent (entries of the wrong shape left out). */
  readonly errors: readonly ProblemDetailsError[];
}

/** What every parsed error carries, known code or not. */
export interface ParsedCommon<Locale extends string = string> {
  /** The message as sent (localized by the server): `details[0].message`, `message.value`, `detail`… */
  readonly message: string | undefined;
  /** The catalog locale the message is in (from `Content-Language`, else Batch's `message.lang`), when it is one of the service's. */
  readonly locale: Locale | undefined;
  /** The language tag as sent (`en-US`), whether or not it is a catalog locale. */
  readonly language: string | undefined;
  /** The status of the response, when the caller gave one. */
  readonly responseStatus: number | undefined;
  /** Present when the body was RFC 9457 problem details. */
  readonly problem: ProblemFields | undefined;
  /** The parsed body as sent, for logging. */
  readonly body: unknown;
}

/** rest-guidelines (`{"error":{"code","message","details":[…]}}`): what the envelope adds. */
export interface RestGuidelinesFields {
  /** `error.message`: the category's message as sent. */
  readonly categoryMessage: string | undefined;
  /** `details[0].target` as sent. */
  readonly target: string | undefined;
  /** `details[]` as sent (entries of the wrong shape left out). */
  readonly details: readonly RestGuidelinesDetail[];
}

/** batch (`{"code","message":{"lang","value"},"values":[…]}`): what the envelope adds. */
export interface BatchFields {
  /** `values[]` as sent (entries of the wrong shape left out). */
  readonly values: readonly BatchErrorValue[];
}

/** batch-scheduling (a job's `schedulingError`, a task's `failureInfo`): what the error adds. */
export interface BatchSchedulingFields {
  /** `details[]` as sent (entries of the wrong shape left out). */
  readonly details: readonly NameValuePair[];
}

/** problem-details services: everything is in `problem`. */
export type ProblemDetailsFields = Record<never, never>;

/** What the generated result types take per code: the code's facts as literal types. */
export interface CodeShape {
  readonly code: string | undefined;
  readonly category: string | undefined;
  readonly status: number | undefined;
  readonly variant: string | undefined;
}

/** A code of the catalog, read back: `key` tells which entry of the catalog it is. */
export type ParsedCatalogError<Key extends string = string, Shape extends CodeShape = CodeShape, Locale extends string = string, Fields = object> = {
  readonly kind: 'catalog';
  /** Where the code is filed in the catalog (`BadArgument/BlobNotFound`, `PoolNotFound`). */
  readonly key: Key;
  /** The specific code; `undefined` for a rest-guidelines category alone. */
  readonly code: Shape['code'];
  readonly category: Shape['category'];
  /**
   * The code's status in the catalog: for codes with variants (Batch's
   * `ConditionNotMet` 304/412) the variant the response's status names.
   */
  readonly status: Shape['status'];
  /** The variant the status names, for codes that have them. */
  readonly variant: Shape['variant'];
} & ParsedCommon<Locale> &
  Fields;

/** A well-formed error of the service with a code the catalog does not know (yet). */
export type UnknownCodeError<Locale extends string = string, Fields = object> = {
  readonly kind: 'unknown-code';
  readonly key: undefined;
  readonly code: undefined;
  readonly category: undefined;
  /** The code as sent (for rest-guidelines, the most specific: `details[0].code`, else `error.code`). */
  readonly rawCode: string;
  /** rest-guidelines `error.code`, scheduling errors' `category`, as sent. */
  readonly rawCategory: string | undefined;
  /** The response's (or the problem's) status. */
  readonly status: number | undefined;
  readonly variant: undefined;
} & ParsedCommon<Locale> &
  Fields;

/** A body that is not an error of the service: its status is all there is to go on. */
export interface ForeignBody {
  readonly kind: 'foreign';
  readonly key: undefined;
  readonly code: undefined;
  readonly category: undefined;
  readonly reason: ForeignReason;
  /** No message, locale or problem members: there is no error to take them from (present so every result can be read alike). */
  readonly message: undefined;
  readonly locale: undefined;
  readonly problem: undefined;
  /** The response's status, when the caller gave one. */
  readonly status: number | undefined;
  readonly contentType: string | undefined;
  /** What was read: the parsed JSON, else the text (for `empty`, `content-type`, `not-json`); `undefined` when nothing was read. */
  readonly body: unknown;
}

/** Any result of parsing, untyped by catalog: what the generated functions narrow. */
export type ParsedError = ParsedCatalogError<string, CodeShape, string, object> | UnknownCodeError<string, object> | ForeignBody;

/** The union of catalog results for a map of keys to code shapes (what a generated package declares per service). */
export type CatalogResults<Shapes, Locale extends string, Fields> = {
  [Key in keyof Shapes & string]: ParsedCatalogError<Key, Shapes[Key] & CodeShape, Locale, Fields>;
}[keyof Shapes & string];

/** The full result of a generated `parse<Service>Error`. */
export type ParseResult<Shapes, Locale extends string, Fields> = CatalogResults<Shapes, Locale, Fields> | UnknownCodeError<Locale, Fields> | ForeignBody;
