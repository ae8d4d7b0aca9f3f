import { describe, expect, it } from 'vitest';
import { batchSet, restSet, schedulingSet } from '../test/sets.js';
import { CatalogError } from './catalog-error.js';
import { errorResponse, failureError, prefersProblemDetails, toHttpError, type HttpCatalogError } from './response.js';

const blob = new CatalogError(restSet, { code: 'BlobNotFound', params: { blob: 'in.csv', azureMessage: 'gone' } }) as HttpCatalogError;

describe('errorResponse', () => {
  it('answers in the negotiated locale with x-ms-error-code and Content-Language', () => {
    const response = errorResponse(blob, { acceptLanguage: 'de-DE, fr-CA;q=0.8, en;q=0.1' });
    expect(response.status).toBe(400);
    expect(response.headers).toEqual({ 'content-type': 'application/json; charset=utf-8', 'content-language': 'fr', 'x-ms-error-code': 'BadArgument' });
    expect(response.body).toEqual({
      error: {
        code: 'BadArgument',
        message: 'Argument non valide fourni.',
        details: [{ code: 'BlobNotFound', message: 'Impossible d’accéder au stockage Blob Azure fourni : in.csv.  Message d’erreur Azure : gone.' }],
      },
    });
  });

  it('puts the chosen tag in a Batch body and sends no x-ms-error-code', () => {
    const response = errorResponse(new CatalogError(batchSet, { code: 'PoolNotFound' }) as HttpCatalogError, { acceptLanguage: 'en-GB' });
    expect(response.headers).toEqual({ 'content-type': 'application/json; charset=utf-8', 'content-language': 'en' });
    expect(response.body).toEqual({ code: 'PoolNotFound', message: { lang: 'en', value: 'The specified pool does not exist.' } });
  });

  it('answers with problem details when asked', () => {
    const response = errorResponse(blob, { acceptLanguage: 'ko', problem: true, instance: '/score/7' });
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body).toEqual({ type: 'about:blank', title: 'Bad Request', status: 400, detail: '제공된 Azure BLOB - in.csv에 액세스할 수 없습니다.  Azure 오류 메시지: gone.', instance: '/score/7', code: 'BlobNotFound' });
  });
});

describe('toHttpError', () => {
  it('passes catalog errors of the set through', () => {
    expect(toHttpError(blob, restSet)).toBe(blob);
  });

  it('turns a catalog error of another set into the internal error', () => {
    const answer = toHttpError(blob, batchSet);
    expect([answer.status, answer.code, answer.cause]).toEqual([500, 'InternalError', blob]);
  });

  it.each([
    ['a plain Error', new Error('secret')],
    ['a string', 'secret'],
    ['null', null],
    ['an embedded error (not a response)', new CatalogError(schedulingSet, { code: 'Unknown' })],
  ])('turns %s into the internal error, keeping it as the cause only', (_name, thrown) => {
    const error = toHttpError(thrown, restSet);
    expect(error.cause).toBe(thrown);
    const response = errorResponse(error);
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).toBe('{"error":{"code":"InternalError","message":"Execution encountered an internal error.","details":[{"code":"UnknownError","message":"Execution encountered an internal error."}]}}');
    expect(JSON.stringify(response.body)).not.toContain('secret');
  });
});

describe('failureError', () => {
  it('builds each declared failure', () => {
    expect(JSON.stringify(failureError(restSet, 'notFound'))).toBe('{"error":{"code":"NotFound","message":"Resource not found."}}');
    expect(failureError(batchSet, 'validation', { params: { count: 3, account: 'acme' } }).message).toBe('Quota of 3 pools reached for acme.');
    expect(failureError(batchSet, 'internal').status).toBe(500);
  });

  it('says so when a set declares no failures', () => {
    expect(() => failureError({ ...batchSet, failures: undefined }, 'internal')).toThrow('BatchError declares no internal failure');
  });
});

describe('prefersProblemDetails', () => {
  it.each([
    ['application/problem+json', true],
    ['application/problem+json, application/json;q=0.5', true],
    ['application/json, application/problem+json;q=0.9', false],
    ['*/*', false],
    ['text/html', false],
    ['', false],
    [undefined, false],
  ])('%j → %s', (accept, want) => {
    expect(prefersProblemDetails(accept)).toBe(want);
  });
});
