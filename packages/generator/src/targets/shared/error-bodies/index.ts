export { buildErrorBodies } from './build-error-bodies.js';
export type { ErrorBody } from './error-body.js';
export { inKeywordOrder, refsIn, type CategoryRuleStyle, type JsonSchema, type NamedSchema, type SchemaStyle } from './json-schema.js';
export { fileStem } from './names.js';
export { asProblemDetails, embeddedExamples, failureExamples, responseExamples, type WireBody, type WireExample } from './wire-examples.js';
