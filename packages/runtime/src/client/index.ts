// `@errcat/runtime/client`: reading error answers back, in browsers and in
// Node. Nothing here imports a Node built-in or a package: a bundle for the
// browser holds this folder and the catalog's client data, nothing else.

export type { ClientCategory, ClientCode, ClientErrorSet, ClientVariant } from './client-set.js';
export { catalogLocale, DEFAULT_MAX_LENGTH, isJsonType, parseError } from './parse-error.js';
export type { HeadersLike, ParseOptions } from './parse-error.js';
export { DEFAULT_MAX_BYTES, errorFromResponse } from './read-response.js';
export type { ReadOptions, ResponseLike } from './read-response.js';
export type {
  BatchFields,
  BatchSchedulingFields,
  CatalogResults,
  CodeShape,
  ForeignBody,
  ForeignReason,
  ParseResult,
  ParsedCatalogError,
  ParsedCommon,
  ParsedError,
  ProblemDetailsFields,
  ProblemFields,
  RestGuidelinesFields,
  UnknownCodeError,
} from './results.js';
