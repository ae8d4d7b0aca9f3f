import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batchSet, restSet, schedulingSet } from '../test/sets.js';
import { CatalogError, isCatalogError } from './catalog-error.js';
import type { ErrorSet } from './catalog.js';

class StudioError extends CatalogError {
  static readonly catalog = restSet;
}
class BatchError extends CatalogError {
  static readonly catalog = batchSet;
}

describe('CatalogError', () => {
  const error = new CatalogError(restSet, { code: 'BlobNotFound', params: { blob: 'in.csv', azureMessage: 'gone' }, target: 'input1' });

  it('carries status, code, category, params and a default-locale message', () => {
    expect(error).toMatchObject({ status: 400, code: 'BlobNotFound', category: 'BadArgument', key: 'BadArgument/BlobNotFound', params: { blob: 'in.csv', azureMessage: 'gone' }, name: 'StudioError' });
    expect(error.message).toBe('Unable to access the provided Azure blob - in.csv.  Azure error message: gone.');
    expect(error.messageIn('ko')).toBe('제공된 Azure BLOB - in.csv에 액세스할 수 없습니다.  Azure 오류 메시지: gone.');
  });

  it('serializes to the rest-guidelines body', () => {
    expect(JSON.stringify(error)).toBe(
      '{"error":{"code":"BadArgument","message":"Invalid argument provided.","details":[{"code":"BlobNotFound","message":"Unable to access the provided Azure blob - in.csv.  Azure error message: gone.","target":"input1"}]}}',
    );
    expect(JSON.stringify(error.toBody('fr'))).toBe(
      '{"error":{"code":"BadArgument","message":"Argument non valide fourni.","details":[{"code":"BlobNotFound","message":"Impossible d’accéder au stockage Blob Azure fourni : in.csv.  Message d’erreur Azure : gone.","target":"input1"}]}}',
    );
  });

  it('serializes a category alone without details', () => {
    expect(JSON.stringify(new CatalogError(restSet, { category: 'NotFound' }))).toBe('{"error":{"code":"NotFound","message":"Resource not found."}}');
  });

  it('serializes to the Batch body, with values only when given', () => {
    expect(JSON.stringify(new CatalogError(batchSet, { code: 'PoolNotFound' }))).toBe('{"code":"PoolNotFound","message":{"lang":"en","value":"The specified pool does not exist."}}');
    expect(JSON.stringify(new CatalogError(batchSet, { code: 'PoolNotFound', values: [{ key: 'PoolId', value: 'p1' }] }))).toBe(
      '{"code":"PoolNotFound","message":{"lang":"en","value":"The specified pool does not exist."},"values":[{"key":"PoolId","value":"p1"}]}',
    );
  });

  it('takes the status of the chosen variant', () => {
    expect(new CatalogError(batchSet, { code: 'ConditionNotMet' }).status).toBe(304);
    const write = new CatalogError(batchSet, { code: 'ConditionNotMet', variant: 'write' });
    expect([write.status, write.variant]).toEqual([412, 'write']);
    expect(write.toBody()).toEqual({ code: 'ConditionNotMet', message: { lang: 'en', value: 'The condition specified in the conditional header(s) was not met for a write operation.' } });
  });

  it('serializes an embedded error with its lowercase category and no status', () => {
    const embedded = new CatalogError(schedulingSet, { code: 'BlobNotFound', details: [{ name: 'BlobUrl', value: 'https://x/y' }] });
    expect(embedded.status).toBeUndefined();
    expect(JSON.stringify(embedded)).toBe('{"category":"usererror","code":"BlobNotFound","message":"One of the specified Azure Blob(s) is not found.","details":[{"name":"BlobUrl","value":"https://x/y"}]}');
    expect(() => embedded.toProblem()).toThrow(/not answered over HTTP/);
  });

  it('gives problem details with the most specific code', () => {
    expect(error.toProblem('fr', { instance: '/jobs/1' })).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Impossible d’accéder au stockage Blob Azure fourni : in.csv.  Message d’erreur Azure : gone.',
      instance: '/jobs/1',
      code: 'BlobNotFound',
    });
    expect(new CatalogError(restSet, { category: 'NotFound' }).toProblem(undefined, { typeBase: 'https://errors.example/ml/' })).toEqual({
      type: 'https://errors.example/ml/NotFound',
      title: 'Not Found',
      status: 404,
      detail: 'Resource not found.',
      code: 'NotFound',
    });
  });

  it('keeps the cause, and nothing of it in the body', () => {
    const cause = new Error('db down: password=hunter2');
    const wrapped = new CatalogError(batchSet, { code: 'InternalError', cause });
    expect(wrapped.cause).toBe(cause);
    expect(JSON.stringify(wrapped)).not.toContain('hunter2');
  });

  it('shows no runtime internals when logged or spread', () => {
    expect(Object.keys(error)).not.toContain('catalog');
    expect(JSON.stringify({ ...error })).not.toContain('brand');
  });
});

describe('instanceof', () => {
  const studio = new StudioError(restSet, { category: 'NotFound' });

  it('holds for the class of its own set and the base class only', () => {
    expect(studio instanceof StudioError).toBe(true);
    expect(studio instanceof CatalogError).toBe(true);
    expect(studio instanceof Error).toBe(true);
    expect(studio instanceof BatchError).toBe(false);
    expect(new CatalogError(restSet, { category: 'NotFound' }) instanceof StudioError).toBe(true);
    expect({ status: 404 } instanceof CatalogError).toBe(false);
    expect(isCatalogError(studio)).toBe(true);
    expect(isCatalogError(new Error('x'))).toBe(false);
    expect(isCatalogError(null)).toBe(false);
  });

  it('keeps the ordinary check for subclasses users write', () => {
    class MyError extends StudioError {}
    expect(new MyError(restSet, { category: 'NotFound' }) instanceof MyError).toBe(true);
    expect(studio instanceof MyError).toBe(false);
  });

  describe('across two copies of the runtime', () => {
    const copyDir = path.join(import.meta.dirname, '..', `.errcat-tmp-copy-${process.pid}`);
    afterAll(() => rm(copyDir, { recursive: true, force: true }));

    it('recognises errors made by the other copy', async () => {
      await cp(import.meta.dirname, copyDir, { recursive: true, filter: (source) => !source.endsWith('.test.ts') });
      const other = (await import(/* @vite-ignore */ path.join(copyDir, 'catalog-error.ts'))) as typeof import('./catalog-error.js');
      expect(other.CatalogError).not.toBe(CatalogError);
      class OtherStudioError extends other.CatalogError {
        static readonly catalog: ErrorSet = { ...restSet };
      }
      const foreign = new OtherStudioError(restSet, { code: 'BlobNotFound', params: { blob: 'b', azureMessage: 'm' } });
      expect(foreign instanceof CatalogError).toBe(true);
      expect(foreign instanceof StudioError).toBe(true);
      expect(foreign instanceof BatchError).toBe(false);
      expect(isCatalogError(foreign)).toBe(true);
      expect(studio instanceof OtherStudioError).toBe(true);
      expect(studio instanceof other.CatalogError).toBe(true);
    });
  });
});

describe('facts shared by every error of a class', () => {
  class GeneratedLike extends CatalogError {
    static readonly catalog = restSet;
    constructor(init: ConstructorParameters<typeof CatalogError>[1]) {
      super(restSet, init);
    }
  }
  class AnySet extends CatalogError {}

  it('live once on a generated class\'s prototype, and read the same as on an instance', () => {
    const first = new GeneratedLike({ category: 'NotFound' });
    const second = new GeneratedLike({ code: 'BlobNotFound', params: { blob: 'b', azureMessage: 'm' } });
    for (const error of [first, second]) {
      expect(Object.hasOwn(error, 'name')).toBe(false);
      expect(error.name).toBe(restSet.errorName);
      expect(error.catalog).toBe(restSet);
      expect(isCatalogError(error)).toBe(true);
      expect(error instanceof GeneratedLike && error instanceof CatalogError && error instanceof Error).toBe(true);
      expect(Object.keys(error)).not.toContain('catalog');
    }
    expect(String(second.stack).split('\n')[0]).toBe(`${restSet.errorName}: ${second.message}`);
  });

  it('stay on each instance when one class makes errors of several sets', () => {
    const rest = new AnySet(restSet, { category: 'NotFound' });
    const batch = new AnySet(batchSet, { code: 'PoolNotFound' });
    expect([rest.catalog, batch.catalog]).toEqual([restSet, batchSet]);
    expect([rest.name, batch.name]).toEqual([restSet.errorName, batchSet.errorName]);
    expect(JSON.parse(JSON.stringify(batch))).toMatchObject({ code: 'PoolNotFound' });
  });
});
