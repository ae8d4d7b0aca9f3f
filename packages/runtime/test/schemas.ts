// Response schemas for the test sets, shaped like the JSON Schema target's
// output: 2020-12, `$defs` and `$ref`s, enums, `if`/`then` rules between a
// category and its detail codes, formats, examples.

import type { JsonSchemaObject } from '../src/serialization-schema.js';

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

export const restSchema: JsonSchemaObject = {
  $schema: DIALECT,
  $id: 'https://example.com/studio-error.schema.json',
  title: 'Studio error',
  type: 'object',
  properties: { error: { $ref: '#/$defs/StudioErrorInfo' } },
  required: ['error'],
  additionalProperties: false,
  examples: [{ error: { code: 'NotFound', message: 'Resource not found.' } }],
  $defs: {
    StudioErrorInfo: {
      type: 'object',
      properties: {
        code: { $ref: '#/$defs/StudioCategory' },
        message: { type: 'string' },
        details: { type: 'array', items: { $ref: '#/$defs/StudioErrorDetail' } },
      },
      required: ['code', 'message'],
      additionalProperties: false,
      allOf: [
        {
          if: { type: 'object', properties: { code: { const: 'BadArgument' } }, required: ['code'] },
          then: { type: 'object', properties: { details: { type: 'array', items: { type: 'object', properties: { code: { enum: ['BlobNotFound', 'UnknownError'] } } } } } },
        },
        {
          if: { type: 'object', properties: { code: { const: 'NotFound' } }, required: ['code'] },
          then: { type: 'object', properties: { details: { type: 'array', maxItems: 0 } } },
        },
      ],
    },
    StudioCategory: { type: 'string', enum: ['BadArgument', 'InternalError', 'NotFound'] },
    StudioErrorDetail: {
      type: 'object',
      properties: { code: { type: 'string', enum: ['BlobNotFound', 'UnknownError'] }, message: { type: 'string' }, target: { type: 'string' } },
      required: ['code', 'message'],
      additionalProperties: false,
    },
  },
};

export const batchSchema: JsonSchemaObject = {
  $schema: DIALECT,
  $id: 'https://example.com/batch-error.schema.json',
  type: 'object',
  properties: {
    code: { $ref: '#/$defs/BatchErrorCode' },
    message: { $ref: '#/$defs/BatchErrorMessage' },
    values: { type: 'array', items: { $ref: '#/$defs/BatchErrorDetail' } },
  },
  required: ['code', 'message'],
  additionalProperties: false,
  $defs: {
    BatchErrorCode: { type: 'string', enum: ['ConditionNotMet', 'InternalError', 'PoolNotFound', 'QuotaReached'] },
    BatchErrorMessage: { type: 'object', properties: { lang: { type: 'string' }, value: { type: 'string' } }, required: ['lang', 'value'], additionalProperties: false },
    BatchErrorDetail: { type: 'object', properties: { key: { type: 'string' }, value: { type: 'string' } }, required: ['key', 'value'], additionalProperties: false },
  },
};

export const problemSchema: JsonSchemaObject = {
  $schema: DIALECT,
  $id: 'https://example.com/problem-details.schema.json',
  type: 'object',
  properties: {
    type: { type: 'string', format: 'uri-reference' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 100, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string', format: 'uri-reference' },
    code: { $ref: '#/$defs/ProblemDetailsCode' },
  },
  required: ['type', 'title', 'status', 'detail', 'code'],
  additionalProperties: false,
  $defs: { ProblemDetailsCode: { type: 'string', enum: ['BlobNotFound', 'NotFound', 'PoolNotFound'] } },
};

/** The body of a problem-details service (`problemSet`): problem details with its codes and `errors[]`. */
export const ledgerSchema: JsonSchemaObject = {
  $schema: DIALECT,
  $id: 'https://example.com/ledger-error.schema.json',
  type: 'object',
  properties: {
    type: { type: 'string', format: 'uri-reference' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 100, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string', format: 'uri-reference' },
    code: { $ref: '#/$defs/LedgerErrorCode' },
    errors: { type: 'array', items: { $ref: '#/$defs/LedgerErrorItem' } },
  },
  required: ['type', 'title', 'status', 'detail', 'code'],
  additionalProperties: false,
  $defs: {
    LedgerErrorCode: { type: 'string', enum: ['AccountNotFound', 'InternalError', 'InvalidRequest', 'NoSuchRoute', 'PayloadTooLarge'] },
    LedgerErrorItem: {
      type: 'object',
      properties: { detail: { type: 'string' }, pointer: { type: 'string' }, name: { type: 'string' } },
      required: ['detail'],
      additionalProperties: false,
    },
  },
};
