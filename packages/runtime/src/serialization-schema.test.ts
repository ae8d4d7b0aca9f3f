import fastJson from 'fast-json-stringify';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchSchema, problemSchema, restSchema } from '../test/schemas.js';
import { batchSet, restSet } from '../test/sets.js';
import { CatalogError, errorBody, problemBody } from './catalog-error.js';
import { serializationSchema, type JsonSchemaObject } from './serialization-schema.js';

const compile = (schema: JsonSchemaObject) => fastJson(serializationSchema(schema) as never) as (value: unknown) => string;

describe('serializationSchema', () => {
  it('inlines local $refs and keeps only what shapes the JSON text', () => {
    expect(serializationSchema(restSchema)).toEqual({
      type: 'object',
      properties: {
        error: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            message: { type: 'string' },
            details: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, target: { type: 'string' } } } },
          },
        },
      },
    });
  });

  it('leaves the schema it reads untouched', () => {
    const before = JSON.stringify(batchSchema);
    serializationSchema(batchSchema);
    expect(JSON.stringify(batchSchema)).toBe(before);
  });

  it.each([
    ['a recursive $ref', { type: 'object', properties: { a: { $ref: '#/$defs/A' } }, $defs: { A: { type: 'object', properties: { a: { $ref: '#/$defs/A' } } } } }, 'cannot be recursive (#/$defs/A)'],
    ['a remote $ref', { type: 'object', properties: { a: { $ref: 'https://example.com/a.json' } } }, 'only local $refs'],
    ['a $ref to nothing', { type: 'object', properties: { a: { $ref: '#/$defs/Missing' } } }, '#/$defs/Missing points at nothing'],
    ['a $ref through the prototype', { type: 'object', properties: { a: { $ref: '#/__proto__' } } }, 'points at nothing'],
    ['a root that is not an object', { $id: 'https://example.com/s.json', type: 'string' }, 'must describe an object with properties (https://example.com/s.json)'],
  ])('rejects %s', (_name, schema, message) => {
    expect(() => serializationSchema(schema)).toThrow(message);
  });
});

describe('fast-json-stringify with the serialization view', () => {
  const text = fc.string({ unit: 'binary', maxLength: 40 });

  it('writes ML bodies byte for byte as JSON.stringify, in every locale', () => {
    const serialize = compile(restSchema);
    fc.assert(
      fc.property(text, text, fc.option(text, { nil: undefined }), fc.constantFrom(...restSet.locales), (blob, azureMessage, target, locale) => {
        const body = errorBody(new CatalogError(restSet, { code: 'BlobNotFound', params: { blob, azureMessage }, target }), locale);
        expect(serialize(body)).toBe(JSON.stringify(body));
      }),
    );
    const category = errorBody(new CatalogError(restSet, { category: 'NotFound' }), 'ko');
    expect(serialize(category)).toBe(JSON.stringify(category));
  });

  it('writes Batch bodies byte for byte as JSON.stringify', () => {
    const serialize = compile(batchSchema);
    fc.assert(
      fc.property(fc.array(fc.record({ key: text, value: text }), { maxLength: 4 }), (values) => {
        const body = errorBody(new CatalogError(batchSet, { code: 'PoolNotFound', values }), 'en');
        expect(serialize(body)).toBe(JSON.stringify(body));
      }),
    );
  });

  it('writes problem details byte for byte as JSON.stringify, with and without instance', () => {
    const serialize = compile(problemSchema);
    fc.assert(
      fc.property(fc.option(text, { nil: undefined }), fc.option(text, { nil: undefined }), (instance, typeBase) => {
        const body = problemBody(new CatalogError(batchSet, { code: 'PoolNotFound' }), 'en', { ...(instance === undefined ? {} : { instance }), ...(typeBase === undefined ? {} : { typeBase }) });
        expect(serialize(body)).toBe(JSON.stringify(body));
      }),
    );
  });

  it('never writes members the schema does not list', () => {
    expect(compile(batchSchema)({ code: 'PoolNotFound', message: { lang: 'en', value: 'v', stack: 'secret' }, stack: 'secret' })).toBe('{"code":"PoolNotFound","message":{"lang":"en","value":"v"}}');
  });
});
