import { BatchError, BatchErrorCode, MlStudioCategory, MlStudioError, MlStudioErrorCode, type BatchErrorInit, type MlStudioErrorInit, type MlStudioLocale } from '@azure-errors/codes';
import { describeErrorAnswerHeaders } from './error-answer-headers.js';
import { describeHostileRequests } from './hostile-requests.js';
import { expectedAnswer, FORGED_STUDIO_ERROR, HOSTILE_THROWS, INTERNAL_BATCH_BODY } from './hostile.js';
import type { RequestListener } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serve, type Client } from './http.js';

/** One example API: the same routes on a given Express major. */
export interface ExpressApiUnderTest {
  /** The major the example depends on, and the version it actually loaded. */
  readonly expressMajor: 4 | 5;
  readonly expressVersion: string;
  readonly createApp: (options: { onError: (error: unknown) => void; hostile: ReadonlyArray<() => unknown> }) => RequestListener;
  /** What each `/crash/:kind` route throws. */
  readonly crashes: Readonly<Record<string, () => unknown>>;
  /** Express 5 hands a falsy rejection reason on as `Error('Rejected promise')`; Express 4 (through catchErrors) as it was. */
  readonly falsyRejection: 'as thrown' | 'Rejected promise';
}

const ML_LOCALES: readonly MlStudioLocale[] = ['en', 'fr', 'ko', 'zh-TW'];
const INTERNAL = {
  studio: '{"error":{"code":"InternalError","message":"Execution encountered an internal error.","details":[{"code":"UnknownError","message":"Execution encountered an internal error."}]}}',
  batch: INTERNAL_BATCH_BODY,
};

/**
 * Every case an example Express API must pass, against a real server on
 * 127.0.0.1: both services × representative codes × locales, problem
 * details, non-Error throws, framework failures and bad input.
 */
export function describeExpressApi({ expressMajor, expressVersion, createApp, crashes: CRASHES, falsyRejection }: ExpressApiUnderTest): void {
  let request: Client;
  let close: () => Promise<void>;
  const onError = vi.fn();

  beforeEach(async () => {
    onError.mockReset();
    ({ request, close } = await serve(createApp({ onError, hostile: HOSTILE_THROWS.map((entry) => entry.make) })));
  });
  afterEach(() => close());

  it(`runs on Express ${expressMajor}`, () => {
    expect(expressVersion.split('.')[0]).toBe(String(expressMajor));
  });

  describe('ML Studio: representative codes × every locale', () => {
    const CODES: ReadonlyArray<readonly [string, string | undefined, Record<string, string>]> = [
      ['Unauthorized', 'ScoreRequestUnauthorized', {}],
      ['BadArgument', 'BlobNotFound', { blob: 'input/data.csv', azureMessage: 'The specified blob does not exist.' }],
      ['BadArgument', 'UnknownError', {}],
      ['InternalError', 'UnknownError', {}],
      ['InternalError', 'ModuleExecutionFailed', {}],
      ['NotFound', 'WebServiceNotFound', {}],
      ['ServiceUnavailable', 'RequestThrottled', {}],
      ['NotFound', undefined, {}],
    ];
    const table = CODES.flatMap(([category, code, params]) => [...ML_LOCALES, 'fr-CA, en;q=0.5', 'zh', 'de-DE'].map((acceptLanguage) => [`${category}/${code ?? '(category alone)'}`, acceptLanguage, category, code, params] as const));

    it.each(table)('%s, Accept-Language %j', async (_name, acceptLanguage, category, code, params) => {
      const error = new MlStudioError({ category, code, params } as MlStudioErrorInit);
      const locale = ({ 'fr-CA, en;q=0.5': 'fr', zh: 'zh-TW', 'de-DE': 'en' } as Record<string, MlStudioLocale>)[acceptLanguage] ?? (acceptLanguage as MlStudioLocale);
      const query = new URLSearchParams(params).toString();
      const response = await request(`/studio/errors/${category}${code ? `/${code}` : ''}${query ? `?${query}` : ''}`, { headers: { 'accept-language': acceptLanguage } });
      expect(response.status).toBe(error.status);
      expect(response.text).toBe(JSON.stringify(error.toBody(locale)));
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['content-language']).toBe(locale);
      expect(response.headers['x-ms-error-code']).toBe(category);
      expect(response.headers.vary).toBe('Accept-Language, Accept');
    });

    it('answers the 401 of DESIGN.md byte for byte', async () => {
      const response = await request('/studio/errors/Unauthorized/ScoreRequestUnauthorized');
      expect(response.text).toBe('{"error":{"code":"Unauthorized","message":"Request is unauthorized to access resource.","details":[{"code":"ScoreRequestUnauthorized","message":"Invalid credentials provided."}]}}');
    });

    it('puts a target in details from a real route', async () => {
      const response = await request('/studio/services/forecast/score', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'ko' }, body: '{}' });
      expect(response.status).toBe(400);
      expect(JSON.parse(response.text).error.details[0]).toMatchObject({ code: 'MissingRequestInput', target: 'Inputs' });
      expect(response.headers['content-language']).toBe('ko');
    });
  });

  describe('Batch: representative codes', () => {
    const CODES: ReadonlyArray<readonly [string, string | undefined, number]> = [
      ['PoolNotFound', undefined, 404],
      ['ConditionNotMet', 'write', 412],
      ['RequestBodyTooLarge', undefined, 413],
      ['ServerBusy', undefined, 503],
      ['OperationTimedOut', undefined, 500],
      ['AuthenticationFailed', undefined, 403],
    ];
    const table = CODES.flatMap(([code, variant, status]) => ['en', 'en-US', 'fr', '*'].map((acceptLanguage) => [code, variant, acceptLanguage, status] as const));

    it.each(table)('%s (%s), Accept-Language %j', async (code, variant, acceptLanguage, status) => {
      const error = new BatchError({ code, variant } as BatchErrorInit);
      const response = await request(`/batch/errors/${code}${variant ? `?variant=${variant}` : ''}`, { headers: { 'accept-language': acceptLanguage } });
      expect(response.status).toBe(status);
      expect(response.text).toBe(JSON.stringify(error.toBody('en')));
      expect(JSON.parse(response.text).message.lang).toBe('en-US');
      expect(response.headers['content-language']).toBe('en');
      expect(response.headers['x-ms-error-code']).toBeUndefined();
      expect(response.headers.vary).toBe('Accept');
    });

    it('answers a conditional read with 304 and no body, a conditional write with 412', async () => {
      const read = await request('/batch/pools/pool-1', { headers: { 'if-none-match': '"v1"' } });
      expect([read.status, read.text]).toEqual([304, '']);
      const write = await request('/batch/pools/pool-1', { method: 'PUT', headers: { 'if-match': '"v0"' } });
      expect(write.status).toBe(412);
      expect(JSON.parse(write.text).code).toBe('ConditionNotMet');
    });

    it('carries values from a real route', async () => {
      const response = await request('/batch/pools', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"vmSize":"small"}' });
      expect(response.text).toBe('{"code":"MissingRequiredProperty","message":{"lang":"en-US","value":"A required property was not specified in the request body."},"values":[{"key":"PropertyName","value":"id"}]}');
    });
  });

  describe('problem details', () => {
    it('answers RFC 9457 when Accept prefers it, in the negotiated locale', async () => {
      const response = await request('/studio/errors/Unauthorized/ScoreRequestUnauthorized', { headers: { accept: 'application/problem+json', 'accept-language': 'fr' } });
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(response.text)).toEqual({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        detail: new MlStudioError({ category: MlStudioCategory.Unauthorized, code: MlStudioErrorCode.ScoreRequestUnauthorized }).messageIn('fr'),
        // The studio router asks for `problemInstance: "path"`: the path as the client sent it, mount path included.
        instance: '/studio/errors/Unauthorized/ScoreRequestUnauthorized',
        code: 'ScoreRequestUnauthorized',
      });
      expect(response.headers['x-ms-error-code']).toBe('Unauthorized');
    });
  });

  describe('anything that is not a catalog error', () => {
    const table = (['studio', 'batch'] as const).flatMap((service) => Object.keys(CRASHES).map((kind) => [service, kind] as const));

    it.each(table)('%s: throw %s → 500, the internal code, nothing leaked, the original to onError', async (service, kind) => {
      const response = await request(`/${service}/crash/${kind}`, { headers: { 'accept-language': 'fr' } });
      expect(response.status).toBe(500);
      expect(response.text).toBe(service === 'studio' ? JSON.stringify(MlStudioError.failure('internal').toBody('fr')) : INTERNAL.batch);
      expect(response.text).not.toMatch(/secret|hunter2|db-7|stack/);
      expect(onError).toHaveBeenCalledTimes(1);
      expect(onError.mock.calls[0]![0]).toEqual(CRASHES[kind]!());
    });

    it.each(Object.keys(CRASHES))('a rejected promise (%s) → 500 and the internal code', async (kind) => {
      const response = await request(`/studio/crash-async/${kind}`);
      expect(response.status).toBe(500);
      expect(response.text).toBe(INTERNAL.studio);
      const logged = onError.mock.calls[0]![0];
      if (CRASHES[kind]!() || falsyRejection === 'as thrown') expect(logged).toEqual(CRASHES[kind]!());
      else expect((logged as Error).message).toBe('Rejected promise');
    });
  });

  describe('framework failures and bad input', () => {
    it.each(ML_LOCALES)('malformed JSON → BadArgument/RequestBodyInvalid in %s', async (locale) => {
      const response = await request('/studio/services/forecast/score', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': locale }, body: '{"Inputs": {' });
      expect(response.status).toBe(400);
      expect(response.text).toBe(JSON.stringify(MlStudioError.failure('malformedBody').toBody(locale)));
    });

    it('malformed JSON → InvalidRequestBody for Batch', async () => {
      const response = await request('/batch/pools', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":' });
      expect(response.status).toBe(400);
      expect(response.text).toBe('{"code":"InvalidRequestBody","message":{"lang":"en-US","value":"The specified Request Body is not syntactically valid."}}');
    });

    it('a 10 MB body → RequestBodyTooLarge (413) for Batch, RequestBodyInvalid (400) for ML Studio', async () => {
      const body = Buffer.alloc(10 * 1024 * 1024, 'a');
      const batch = await request('/batch/pools', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(batch.status).toBe(413);
      expect(JSON.parse(batch.text).code).toBe('RequestBodyTooLarge');
      const studio = await request('/studio/services/forecast/score', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(studio.status).toBe(400);
      expect(JSON.parse(studio.text).error.details[0].code).toBe('RequestBodyInvalid');
    });

    it('an unknown route → the notFound code of the service that owns the path', async () => {
      const studio = await request('/studio/no/such/thing', { headers: { 'accept-language': 'zh-TW' } });
      expect(studio.status).toBe(404);
      expect(studio.text).toBe(JSON.stringify(MlStudioError.failure('notFound').toBody('zh-TW')));
      const batch = await request('/batch/no/such/thing');
      expect(batch.text).toBe('{"code":"InvalidUri","message":{"lang":"en-US","value":"The requested URI does not represent any resource on the server."}}');
      expect((await request('/elsewhere')).status).toBe(400);
    });

    it.each([
      ['10 KB of Accept-Language', `${'x-private;q=0.9, '.repeat(600)}ko;q=0.1`.slice(-10 * 1024), 'ko'],
      ['10 KB of one tag', 'a'.repeat(10 * 1024), 'en'],
      ['Accept-Language: *', '*', 'en'],
      ['garbage', ',,;q=,=;;\u00e9\u00ff, q=1', 'en'],
      ['an empty header', '', 'en'],
    ])('%s → %s', async (_name, acceptLanguage, locale) => {
      const response = await request('/studio/errors/NotFound/WebServiceNotFound', { headers: { 'accept-language': acceptLanguage } });
      expect(response.status).toBe(404);
      expect(response.headers['content-language']).toBe(locale);
      expect(response.text).toBe(JSON.stringify(new MlStudioError({ category: MlStudioCategory.NotFound, code: MlStudioErrorCode.WebServiceNotFound }).toBody(locale as MlStudioLocale)));
    });

    it('an error after the headers were sent → Express ends the connection; onError hears of it', async () => {
      await expect(request('/studio/stream')).rejects.toThrow('aborted');
      expect((onError.mock.calls[0]![0] as Error).message).toBe('secret: backend lost mid-stream');
      expect((await request('/studio/errors/NotFound')).status).toBe(404);
    });

    it('answers 200 concurrent requests each in its own language', async () => {
      const asked = Array.from({ length: 200 }, (_, index) => ML_LOCALES[(index * 7) % ML_LOCALES.length]!);
      const responses = await Promise.all(asked.map((locale) => request('/studio/errors/BadArgument/BlobNotFound?blob=b&azureMessage=m', { headers: { 'accept-language': locale } })));
      responses.forEach((response, index) => {
        expect(response.headers['content-language']).toBe(asked[index]);
        expect(response.text).toBe(JSON.stringify(new MlStudioError({ category: MlStudioCategory.BadArgument, code: MlStudioErrorCode.BlobNotFound, params: { blob: 'b', azureMessage: 'm' } }).toBody(asked[index])));
      });
    });
  });

  describe('hostile thrown values (the shared corpus): never a crash, nothing leaked, always the catalog’s body', () => {
    const table = (['studio', 'batch'] as const).flatMap((service) => HOSTILE_THROWS.map((entry, index) => [service, entry.name, index, entry[service]] as const));

    it.each(table)('%s: %s', async (service, _name, index, answer) => {
      const response = await request(`/${service}/hostile/${index}`, { headers: { 'accept-language': 'fr' } });
      const want = expectedAnswer(service, answer, 'fr');
      expect(response.status).toBe(want.status);
      expect(response.text).toBe(want.text);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      // The client's language, even when reading the thrown value throws (a Proxy).
      expect(response.headers['content-language']).toBe(service === 'studio' ? 'fr' : 'en');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.text).not.toMatch(/secret|abc123|stack/);
      const isOwnCatalogError = answer !== 'internal' && HOSTILE_THROWS[index]!.name.startsWith('a real');
      expect(onError).toHaveBeenCalledTimes(isOwnCatalogError ? 0 : 1);
    });

    it.each(HOSTILE_THROWS.map((entry, index) => [entry.name, index] as const))('problem details only (/problem): %s', async (_name, index) => {
      const response = await request(`/problem/hostile/${index}`);
      expect(response.headers['content-type']).toBe('application/problem+json');
      const body = JSON.parse(response.text) as { status: number; code: string; instance?: string };
      expect(body.status).toBe(response.status);
      expect(body.instance).toBe(`/problem/hostile/${index}`);
      expect(response.text).not.toMatch(/secret|abc123|stack/);
    });
  });

  describe('catalog errors of another service', () => {
    it.each([
      ['a BatchError thrown in the ML Studio router', '/studio/foreign', 'studio'],
      ['an MlStudioError thrown in the Batch router', '/batch/foreign', 'batch'],
      ['a BatchError returned from the ML Studio mapError (plain JavaScript)', '/studio/mapped/batch', 'studio'],
    ] as const)('%s → this service’s internal error, and onError', async (_name, path, service) => {
      const response = await request(path, { headers: { 'accept-language': 'ko' } });
      expect(response.status).toBe(500);
      expect(response.text).toBe(service === 'studio' ? JSON.stringify(MlStudioError.failure('internal').toBody('ko')) : INTERNAL.batch);
      expect(response.headers['x-ms-error-code']).toBe(service === 'studio' ? 'InternalError' : undefined);
      expect(onError).toHaveBeenCalledTimes(1);
    });

    it('a mapError that returns an error of the service is answered with it', async () => {
      const response = await request('/studio/mapped/studio');
      expect(response.status).toBe(401);
      expect(JSON.parse(response.text).error.details[0].code).toBe('ScoreRequestUnauthorized');
      expect(onError).toHaveBeenCalledTimes(1);
    });
  });

  describe('a forged catalog error', () => {
    it('is a 500 on a fresh server and after real errors were constructed: the answer never depends on history', async () => {
      const first = await request('/studio/hostile/' + HOSTILE_THROWS.findIndex((entry) => entry.name.startsWith('an MlStudioError forged')));
      new MlStudioError({ category: MlStudioCategory.BadArgument, code: MlStudioErrorCode.BlobNotFound, params: { blob: 'b', azureMessage: 'm' } });
      await request('/studio/errors/BadArgument/BlobNotFound?blob=b&azureMessage=m');
      const second = await request('/studio/hostile/' + HOSTILE_THROWS.findIndex((entry) => entry.name.startsWith('an MlStudioError forged')));
      expect([first.status, second.status]).toEqual([500, 500]);
      expect(second.text).toBe(first.text);
      expect(FORGED_STUDIO_ERROR() instanceof MlStudioError).toBe(false);
    });
  });

  describe('OPTIONS (CORS preflights)', () => {
    it('on a path a route serves → Express’s own Allow answer, not the catalog 404', async () => {
      const response = await request('/studio/services/forecast/score', { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' } });
      expect(response.status).toBe(200);
      expect(response.headers.allow).toBe('POST');
      const batch = await request('/batch/pools/pool-1', { method: 'OPTIONS' });
      expect(batch.status).toBe(200);
      expect(batch.headers.allow?.split(/,\s*/).sort()).toEqual(['GET', 'HEAD', 'PUT']);
    });

    it('on a path no route serves → the catalog’s not-found answer', async () => {
      const studio = await request('/studio/no/such/thing', { method: 'OPTIONS', headers: { 'accept-language': 'fr' } });
      expect(studio.status).toBe(404);
      expect(studio.text).toBe(JSON.stringify(MlStudioError.failure('notFound').toBody('fr')));
      const batch = await request('/batch/no/such/thing', { method: 'OPTIONS' });
      expect(batch.status).toBe(400);
      expect(JSON.parse(batch.text).code).toBe('InvalidUri');
    });
  });

  describeErrorAnswerHeaders(() => request);

  describe('one binding configures both handlers', () => {
    it('envelope "problem" given once answers unknown routes and thrown errors alike, with the path as instance', async () => {
      const missing = await request('/problem/no/such/thing?token=secret');
      expect(missing.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(missing.text)).toEqual({ type: 'about:blank', title: 'Bad Request', status: 400, detail: new BatchError({ code: BatchErrorCode.InvalidUri }).messageIn(), instance: '/problem/no/such/thing', code: 'InvalidUri' });
      const thrown = await request('/problem/errors/PoolNotFound');
      expect(thrown.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(thrown.text)).toMatchObject({ status: 404, code: 'PoolNotFound', instance: '/problem/errors/PoolNotFound' });
    });

    it('problem details of the ML Studio router carry the path as instance; a path that is no URI reference is left out', async () => {
      const response = await request('/studio/nothing?x=1', { headers: { accept: 'application/problem+json' } });
      expect(JSON.parse(response.text).instance).toBe('/studio/nothing');
    });
  });

  describeHostileRequests(() => request);
}
