// A client of the example APIs, as an application writes one: global
// `fetch`, then `@azure-errors/codes/client` (the browser entry) reads every
// answer back. Every code of every service is thrown by a real route of a
// real server and must come back as the same code, category, status and
// locale, in the service's own format and as problem details.

import {
  batchClientCatalog,
  batchErrorFromResponse,
  mlStudioClientCatalog,
  mlStudioErrorFromResponse,
  parseBatchSchedulingError,
  batchSchedulingClientCatalog,
} from '@azure-errors/codes/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A started example API: its base URL (`http://127.0.0.1:port`) and how to stop it. */
export interface StartedApi {
  readonly base: string;
  readonly close: () => Promise<void>;
}

const ENVELOPES = [
  ['native', 'application/json'],
  ['problem details', 'application/problem+json'],
] as const;

export function describeClientRoundTrip(start: () => Promise<StartedApi>): void {
  let api: StartedApi;
  beforeAll(async () => {
    api = await start();
  });
  afterAll(() => api.close());

  const get = (path: string, headers: Record<string, string>) => fetch(`${api.base}${path}`, { headers });

  describe('ML Studio: every code and category, every locale, read back with fetch', () => {
    const codes = Object.entries(mlStudioClientCatalog.codes).map(([key, code]) => [key, `/studio/errors/${code.category}/${code.name}`, code.name, code.category!] as const);
    const categories = Object.values(mlStudioClientCatalog.categories).map((category) => [category.name, `/studio/errors/${category.name}`, undefined, category.name] as const);
    it.each([...codes, ...categories])('%s', async (key, path, code, category) => {
      for (const locale of mlStudioClientCatalog.locales) {
        for (const [envelope, accept] of ENVELOPES) {
          const response = await get(path, { 'accept-language': locale, accept });
          const result = await mlStudioErrorFromResponse(response);
          expect(result, `${locale} ${envelope}`).toMatchObject({ kind: 'catalog', key, code, category, status: response.status, locale, responseStatus: response.status });
          expect(result.problem === undefined, `${locale} ${envelope}`).toBe(envelope === 'native');
          expect(typeof result.message).toBe('string');
        }
      }
    });
  });

  describe('Batch: every code and variant, read back with fetch', () => {
    const codes = Object.entries(batchClientCatalog.codes).flatMap(([key, code]) => (code.variants ?? [undefined]).map((variant) => [`${key}${variant ? ` (${variant.when})` : ''}`, key, variant?.when, variant?.status ?? code.status!] as const));
    it.each(codes)('%s', async (_name, key, variant, status) => {
      for (const [envelope, accept] of ENVELOPES) {
        for (const path of [`/batch/errors/${key}${variant ? `?variant=${variant}` : ''}`, ...(variant ? [] : [`/problem/errors/${key}`])]) {
          const response = await get(path, { accept });
          const result = await batchErrorFromResponse(response);
          expect(response.status).toBe(status);
          if (status === 304) {
            // A 304 carries no body, and Batch sends no error-code header: only the status is left.
            expect(result).toMatchObject({ kind: 'foreign', reason: 'empty', status: 304 });
            continue;
          }
          expect(result, `${path} ${envelope}`).toMatchObject({ kind: 'catalog', key, code: key, status, variant, locale: 'en' });
          expect(result.problem === undefined, `${path} ${envelope}`).toBe(envelope === 'native' && !path.startsWith('/problem/'));
          if (result.kind === 'catalog' && result.problem === undefined) expect(result.language).toBe('en-US');
        }
      }
    });
  });

  describe('Batch scheduling errors inside a job, read back with fetch', () => {
    it.each(Object.entries(batchSchedulingClientCatalog.codes))('%s', async (key, code) => {
      const response = await get(`/batch/jobs/failed/${code.category}/${code.name}`, {});
      expect(response.status).toBe(200);
      const job = (await response.json()) as { executionInfo: { schedulingError: unknown } };
      expect(parseBatchSchedulingError(job.executionInfo.schedulingError)).toMatchObject({ kind: 'catalog', key, code: code.name, category: code.category });
    });
  });

  describe('answers that are not catalog errors', () => {
    it('reads a route no service has as the service’s not-found code', async () => {
      expect(await mlStudioErrorFromResponse(await get('/studio/no/such/route', {}))).toMatchObject({ kind: 'catalog', key: 'NotFound', status: 404 });
      expect(await batchErrorFromResponse(await get('/batch/no/such/route', {}))).toMatchObject({ kind: 'catalog', key: 'InvalidUri', status: 400 });
    });

    it('reads another service’s answer as not this service’s', async () => {
      expect(await mlStudioErrorFromResponse(await get('/batch/errors/PoolNotFound', {}))).toMatchObject({ kind: 'foreign', reason: 'shape', status: 404 });
    });
  });
}
