import type { FastifyInstance } from 'fastify';
import { BatchError, MlStudioCategory, MlStudioError, MlStudioErrorCode, mlStudioCatalog, type BatchErrorInit, type MlStudioErrorInit, type MlStudioLocale } from '@azure-errors/codes';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, CRASHES } from '../src/app.js';
type Client = (path: string, init?: { method?: string; headers?: Record<string, string>; body?: string | Buffer }) => Promise<{ status: number; headers: import('node:http').IncomingHttpHeaders; text: string }>;
import { request as send } from 'node:http';

const ML_LOCALES: readonly MlStudioLocale[] = ['en', 'fr', 'ko', 'zh-TW'];
const INTERNAL_BATCH = '{"code":"InternalError","message":{"lang":"en-US","value":"The server encountered an internal error. Please retry the request."}}';

let app: FastifyInstance;
let base: string;
let request: Client;
const onError = vi.fn();

beforeEach(async () => {
  onError.mockReset();
  app = await createApp({ onError });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = new URL(base);
  request = (path, init = {}) =>
    new Promise((resolve, reject) => {
      const outgoing = send({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: { connection: 'close', ...init.headers }, agent: false }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
      });
      outgoing.on('error', reject);
      outgoing.end(init.body);
    });
});
afterEach(() => app.close());

const json = { 'content-type': 'application/json' };

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
  });

  it('answers the 401 of DESIGN.md byte for byte', async () => {
    const response = await request('/studio/errors/Unauthorized/ScoreRequestUnauthorized');
    expect(response.text).toBe('{"error":{"code":"Unauthorized","message":"Request is unauthorized to access resource.","details":[{"code":"ScoreRequestUnauthorized","message":"Invalid credentials provided."}]}}');
  });

  it('serializes every code in every locale through the response schema exactly as JSON.stringify would', async () => {
    const codes = Object.values(mlStudioCatalog.codes);
    for (const locale of ML_LOCALES) {
      const texts = await Promise.all(
        codes.map(async (entry) => {
          const params = Object.fromEntries(entry.params.map((param) => [param.name, `“${param.name}” \\ "quoted"`]));
          const query = new URLSearchParams(params).toString();
          const response = await fetch(`${base}/studio/errors/${entry.category}/${entry.name}${query ? `?${query}` : ''}`, { headers: { 'accept-language': locale } });
          return [await response.text(), JSON.stringify(new MlStudioError({ category: entry.category, code: entry.name, params } as MlStudioErrorInit).toBody(locale))];
        }),
      );
      for (const [received, expected] of texts) expect(received).toBe(expected);
    }
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
    const response = await request(`/batch/errors/${code}${variant ? `?variant=${variant}` : ''}`, { headers: { 'accept-language': acceptLanguage } });
    expect(response.status).toBe(status);
    expect(response.text).toBe(JSON.stringify(new BatchError({ code, variant } as BatchErrorInit).toBody('en')));
    expect(response.headers['content-language']).toBe('en');
    expect(response.headers['x-ms-error-code']).toBeUndefined();
  });

  it('answers a conditional read with 304 and no body, a conditional write with 412', async () => {
    const read = await request('/batch/pools/pool-1', { headers: { 'if-none-match': '"v1"' } });
    expect([read.status, read.text]).toEqual([304, '']);
    const write = await request('/batch/pools/pool-1', { method: 'PUT', headers: { 'if-match': '"v0"' } });
    expect(write.status).toBe(412);
  });
});

describe('validation errors name the failing property', () => {
  it.each([
    ['a missing property', '{"vmSize":"small"}', 'id'],
    ['a value against its pattern', '{"id":"Not Valid!","vmSize":"small"}', 'id'],
    ['a nested property', '{"id":"p2","vmSize":"small","startTask":{}}', 'startTask.commandLine'],
    ['a body that is not an object', '[1,2]', 'body'],
  ])('Batch, %s → InvalidInput with PropertyName %s', async (_name, body, property) => {
    const response = await request('/batch/pools', { method: 'POST', headers: json, body });
    expect(response.status).toBe(400);
    expect(response.text).toBe(`{"code":"InvalidInput","message":{"lang":"en-US","value":"One of the request inputs is not valid."},"values":[{"key":"PropertyName","value":"${property}"}]}`);
  });

  it('Batch, a query parameter out of range → InvalidInput naming it', async () => {
    const response = await request('/batch/pools?maxresults=5000');
    expect(JSON.parse(response.text).values).toEqual([{ key: 'PropertyName', value: 'maxresults' }]);
  });

  it.each(ML_LOCALES)('ML Studio → BadArgument/BadParameterValue with the target, in %s', async (locale) => {
    const response = await request('/studio/services/forecast/score', { method: 'POST', headers: { ...json, 'accept-language': locale }, body: '{"Inputs":{}}' });
    expect(response.status).toBe(400);
    const expected = new MlStudioError({ category: MlStudioCategory.BadArgument, code: MlStudioErrorCode.BadParameterValue, target: 'Inputs.input1' });
    expect(response.text).toBe(JSON.stringify(expected.toBody(locale)));
    expect(response.headers['x-ms-error-code']).toBe('BadArgument');
  });
});

describe('problem details', () => {
  it('answers RFC 9457 when Accept prefers it, in the negotiated locale', async () => {
    const response = await request('/studio/errors/Unauthorized/ScoreRequestUnauthorized', { headers: { accept: 'application/problem+json', 'accept-language': 'ko' } });
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(response.text)).toEqual({
      type: 'about:blank',
      title: 'Unauthorized',
      status: 401,
      detail: new MlStudioError({ category: MlStudioCategory.Unauthorized, code: MlStudioErrorCode.ScoreRequestUnauthorized }).messageIn('ko'),
      code: 'ScoreRequestUnauthorized',
    });
  });

  it('answers problem details to every client when the app opts in', async () => {
    const problemApp = await createApp({ envelope: 'problem' });
    try {
      const response = await problemApp.inject({ method: 'GET', url: '/batch/pools/nope' });
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(response.body).toBe('{"type":"about:blank","title":"Not Found","status":404,"detail":"The specified pool does not exist.","code":"PoolNotFound"}');
    } finally {
      await problemApp.close();
    }
  });
});

describe('anything that is not a catalog error', () => {
  const table = (['studio', 'batch'] as const).flatMap((service) => Object.keys(CRASHES).flatMap((kind) => (service === 'studio' ? ['crash', 'crash-async'] : ['crash']).map((route) => [service, route, kind] as const)));

  it.each(table)('%s /%s/%s → 500, the internal code, nothing leaked, the original to onError', async (service, route, kind) => {
    const response = await request(`/${service}/${route}/${kind}`, { headers: { 'accept-language': 'fr' } });
    expect(response.status).toBe(500);
    expect(response.text).toBe(service === 'studio' ? JSON.stringify(MlStudioError.failure('internal').toBody('fr')) : INTERNAL_BATCH);
    expect(response.text).not.toMatch(/secret|hunter2|db-7|stack/);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toEqual(CRASHES[kind]!());
  });
});

describe('framework failures and bad input', () => {
  it.each(ML_LOCALES)('malformed JSON → BadArgument/RequestBodyInvalid in %s', async (locale) => {
    const response = await request('/studio/services/forecast/score', { method: 'POST', headers: { ...json, 'accept-language': locale }, body: '{"Inputs": {' });
    expect(response.status).toBe(400);
    expect(response.text).toBe(JSON.stringify(MlStudioError.failure('malformedBody').toBody(locale)));
  });

  it.each([
    ['malformed JSON', '{"id":'],
    ['an empty JSON body', ''],
    ['a __proto__ key', '{"__proto__":{"admin":true},"id":"p","vmSize":"s"}'],
  ])('%s → InvalidRequestBody for Batch', async (_name, body) => {
    const response = await request('/batch/pools', { method: 'POST', headers: json, body });
    expect(response.status).toBe(400);
    expect(response.text).toBe('{"code":"InvalidRequestBody","message":{"lang":"en-US","value":"The specified Request Body is not syntactically valid."}}');
  });

  it('a 10 MB body → RequestBodyTooLarge (413) for Batch, RequestBodyInvalid (400) for ML Studio', async () => {
    const body = Buffer.alloc(10 * 1024 * 1024, 'a');
    const batch = await request('/batch/pools', { method: 'POST', headers: json, body });
    expect(batch.status).toBe(413);
    expect(JSON.parse(batch.text).code).toBe('RequestBodyTooLarge');
    const studio = await request('/studio/services/forecast/score', { method: 'POST', headers: json, body });
    expect(studio.status).toBe(400);
    expect(JSON.parse(studio.text).error.details[0].code).toBe('RequestBodyInvalid');
  });

  it('an unknown route → the notFound code of the service that owns the path', async () => {
    const studio = await request('/studio/no/such/thing', { headers: { 'accept-language': 'zh-TW' } });
    expect(studio.status).toBe(404);
    expect(studio.text).toBe(JSON.stringify(MlStudioError.failure('notFound').toBody('zh-TW')));
    const batch = await request('/batch/no/such/thing');
    expect(batch.text).toBe('{"code":"InvalidUri","message":{"lang":"en-US","value":"The requested URI does not represent any resource on the server."}}');
  });

  it('a URL that cannot be decoded → InvalidUri, without echoing it', async () => {
    const response = await request('/batch/pools/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(response.text).toBe('{"code":"InvalidUri","message":{"lang":"en-US","value":"The requested URI does not represent any resource on the server."}}');
  });

  it.each([
    ['10 KB of Accept-Language', `${'x-private;q=0.9, '.repeat(600)}ko;q=0.1`.slice(-10 * 1024), 'ko'],
    ['10 KB of one tag', 'a'.repeat(10 * 1024), 'en'],
    ['Accept-Language: *', '*', 'en'],
    ['garbage', ',,;q=,=;;\u00e9\u00ff, q=1', 'en'],
  ])('%s → %s', async (_name, acceptLanguage, locale) => {
    const response = await request('/studio/errors/NotFound/WebServiceNotFound', { headers: { 'accept-language': acceptLanguage } });
    expect(response.status).toBe(404);
    expect(response.headers['content-language']).toBe(locale);
  });

  it('an error after the headers were sent → Fastify ends the connection; onError hears of it', async () => {
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
