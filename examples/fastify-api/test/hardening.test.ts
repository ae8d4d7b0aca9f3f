// The second pass of issue 9 against a real Fastify 5 server: hostile
// thrown values (the corpus the Express suites share, plus @fastify/error),
// other services' errors, forgeries, library statuses, reply streams that
// fail after the headers, caching headers, and problem details' instance.

import createFastifyError from '@fastify/error';
import { BatchError, BatchErrorCode, MlStudioCategory, MlStudioError } from '@azure-errors/codes';
import { clientFor, describeErrorAnswerHeaders, describeHostileRequests, expectedAnswer, FORGED_STUDIO_ERROR, HOSTILE_THROWS, INTERNAL_BATCH_BODY, type Client, type HostileThrow } from 'express-api-suite';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';

const AuthRequired = createFastifyError('FST_AUTH_REQUIRED', 'secret: no session for %s', 401);
const RateLimited = createFastifyError('FST_RATE_LIMITED', 'secret: %s over quota', 429);
const FASTIFY_ERRORS: readonly HostileThrow[] = [
  { name: '@fastify/error with statusCode 401', make: () => new AuthRequired('alice'), studio: () => new MlStudioError({ category: MlStudioCategory.Unauthorized }), batch: 'internal' },
  { name: '@fastify/error with statusCode 429 (mapped by neither)', make: () => new RateLimited('alice'), studio: 'internal', batch: 'internal' },
];
const CORPUS: readonly HostileThrow[] = [...HOSTILE_THROWS, ...FASTIFY_ERRORS];

let app: FastifyInstance;
let request: Client;
const onError = vi.fn();

beforeEach(async () => {
  onError.mockReset();
  app = await createApp({ onError, hostile: CORPUS.map((entry) => entry.make) });
  const { port } = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));
  request = clientFor(Number(port));
});
afterEach(() => app.close());

describe('hostile thrown values: never a crash, nothing leaked, always the catalog’s body', () => {
  const table = (['studio', 'batch'] as const).flatMap((service) => CORPUS.map((entry, index) => [service, entry.name, index, entry[service]] as const));

  it.each(table)('%s: %s', async (service, _name, index, answer) => {
    const response = await request(`/${service}/hostile/${index}`, { headers: { 'accept-language': 'fr' } });
    const want = expectedAnswer(service, answer, 'fr');
    expect(response.status).toBe(want.status);
    expect(response.text).toBe(want.text);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-language']).toBe(service === 'studio' ? 'fr' : 'en');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.text).not.toMatch(/secret|abc123|stack|alice/);
    const isOwnCatalogError = answer !== 'internal' && CORPUS[index]!.name.startsWith('a real');
    expect(onError).toHaveBeenCalledTimes(isOwnCatalogError ? 0 : 1);
  });

  it.each(CORPUS.map((entry, index) => [entry.name, index] as const))('problem details only (/problem): %s', async (_name, index) => {
    const response = await request(`/problem/hostile/${index}`);
    expect(response.headers['content-type']).toBe('application/problem+json');
    const body = JSON.parse(response.text) as { status: number; instance?: string };
    expect(body.status).toBe(response.status);
    expect(body.instance).toBe(`/problem/hostile/${index}`);
    expect(response.text).not.toMatch(/secret|abc123|stack|alice/);
  });
});

describe('catalog errors of another service', () => {
  it.each([
    ['a BatchError thrown in the ML Studio context', '/studio/foreign', 'studio'],
    ['an MlStudioError thrown in the Batch context', '/batch/foreign', 'batch'],
    ['a BatchError returned from the ML Studio mapError (plain JavaScript)', '/studio/mapped/batch', 'studio'],
  ] as const)('%s → this service’s internal error (never the status with `{}`), and onError', async (_name, path, service) => {
    const response = await request(path, { headers: { 'accept-language': 'ko' } });
    expect(response.status).toBe(500);
    expect(response.text).toBe(service === 'studio' ? JSON.stringify(MlStudioError.failure('internal').toBody('ko')) : INTERNAL_BATCH_BODY);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('a mapError that returns an error of the service is answered with it', async () => {
    const response = await request('/studio/mapped/studio');
    expect(response.status).toBe(401);
    expect(JSON.parse(response.text).error.details[0].code).toBe('ScoreRequestUnauthorized');
  });
});

describe('a forged catalog error', () => {
  it('is a 500 before and after real errors were constructed', async () => {
    const index = CORPUS.findIndex((entry) => entry.name.startsWith('an MlStudioError forged'));
    const first = await request(`/studio/hostile/${index}`);
    await request('/studio/errors/BadArgument/BlobNotFound?blob=b&azureMessage=m');
    const second = await request(`/studio/hostile/${index}`);
    expect([first.status, second.status]).toEqual([500, 500]);
    expect(second.text).toBe(first.text);
    expect(FORGED_STUDIO_ERROR() instanceof MlStudioError).toBe(false);
  });
});

describe('a reply stream that fails after the headers were sent', () => {
  it('is reported to onError (Fastify itself only logs it), and the server goes on', async () => {
    await request('/studio/stream-fails').catch(() => undefined);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect((onError.mock.calls[0]![0] as Error).message).toBe('secret: storage lost mid-stream');
    expect(onError.mock.calls[0]![1]).not.toHaveProperty('answer');
    expect((await request('/studio/errors/NotFound')).status).toBe(404);
  });
});

describeErrorAnswerHeaders(() => request);

describe('one place for the options, and problem details’ instance', () => {
  it('envelope "problem" on the plugin answers unknown routes and thrown errors alike, with the path as instance', async () => {
    const missing = await request('/problem/no/such/thing?token=secret');
    expect(missing.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(missing.text)).toEqual({ type: 'about:blank', title: 'Bad Request', status: 400, detail: new BatchError({ code: BatchErrorCode.InvalidUri }).messageIn(), instance: '/problem/no/such/thing', code: 'InvalidUri' });
    const thrown = await request('/problem/errors/PoolNotFound');
    expect(JSON.parse(thrown.text)).toMatchObject({ status: 404, code: 'PoolNotFound', instance: '/problem/errors/PoolNotFound' });
  });

  it('the ML Studio context sends the path as instance when problem details are asked for', async () => {
    const response = await request('/studio/errors/NotFound?x=1', { headers: { accept: 'application/problem+json' } });
    expect(JSON.parse(response.text)).toMatchObject({ status: 404, instance: '/studio/errors/NotFound' });
  });
});

describeHostileRequests(() => request);
