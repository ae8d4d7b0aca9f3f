// What the runtime trusts as a catalog error, what it answers for another
// service's errors and other libraries' statuses, problem details' instance,
// and the adapters' OPTIONS and reply-stream handling (issue 9, second pass).

import express5 from 'express';
import express4 from 'express4';
import Fastify from 'fastify';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:http';
import { listen, request, type Received, type Sent } from '../test/http.js';
import { problemSchema, restSchema } from '../test/schemas.js';
import { batchSet, restSet } from '../test/sets.js';
import type { ErrorSet } from './catalog.js';
import { CATALOG_ERROR, CatalogError, catalogErrorRecord, errorBody, isCatalogError } from './catalog-error.js';
import { createErrorAnswerer, libraryStatus } from './error-answers.js';
import { handlers } from './express.js';
import { errorPlugin } from './fastify.js';
import { failureError } from './response.js';

/** restSet with the spec's `failures.statuses`: 404 → the NotFound category. */
const mappedSet: ErrorSet = { ...restSet, brand: '@test/codes#mapped', statuses: { '404': { kind: 'category', category: 'NotFound' } } };

class StudioError extends CatalogError {
  static readonly catalog = restSet;
}

const forge = () => Object.assign(Object.create(StudioError.prototype) as object, { code: 'BlobNotFound', category: 'BadArgument', key: 'BadArgument/BlobNotFound', status: 400, params: { blob: 'secret', azureMessage: 'secret' } });

describe('what counts as a catalog error', () => {
  it('only what a constructor made, before and after real errors were constructed', () => {
    const before = forge();
    expect(isCatalogError(before)).toBe(false);
    new StudioError(restSet, { code: 'BlobNotFound', params: { blob: 'b', azureMessage: 'm' } });
    const after = forge();
    for (const value of [before, after]) {
      expect(isCatalogError(value)).toBe(false);
      expect(value instanceof StudioError).toBe(false);
      expect(value instanceof CatalogError).toBe(false);
      expect(() => (value as unknown as StudioError).toBody()).toThrow(TypeError);
    }
  });

  it('answers from what was constructed, never from fields changed afterwards', () => {
    const error = new StudioError(restSet, { category: 'NotFound' });
    Object.assign(error, { status: 200, code: 'BlobNotFound', params: { blob: 'secret' } });
    expect(catalogErrorRecord(error)?.status).toBe(404);
    expect(JSON.stringify(error.toBody())).toBe('{"error":{"code":"NotFound","message":"Resource not found."}}');
  });

  it('runs no code of the value: a hostile Proxy is simply not one', () => {
    const trap = vi.fn(() => {
      throw new Error('trap');
    });
    const proxy = new Proxy({}, { get: trap, getPrototypeOf: trap, has: trap, getOwnPropertyDescriptor: trap });
    expect(isCatalogError(proxy)).toBe(false);
    expect(trap).not.toHaveBeenCalled();
  });

  it('keeps its registry where another copy finds it, and nobody replaces it', () => {
    const holder = globalThis as { [CATALOG_ERROR]?: unknown };
    expect(holder[CATALOG_ERROR]).toBeInstanceOf(WeakMap);
    expect(() => {
      'use strict';
      holder[CATALOG_ERROR] = new WeakMap();
    }).toThrow(TypeError);
  });
});

describe('the answerer', () => {
  const headers = { 'accept-language': 'fr' };

  it('answers a catalog error of another service, thrown or mapped, as its own internal error and reports it', () => {
    const onError = vi.fn();
    const pool = new CatalogError(batchSet, { code: 'PoolNotFound' });
    const thrown = createErrorAnswerer(restSet, { onError }).answer(pool, 'request', headers);
    const mapped = createErrorAnswerer(restSet, { onError, mapError: () => pool }).answer(new Error('secret'), 'request', headers);
    for (const answer of [thrown, mapped]) {
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual(errorBody(failureError(restSet, 'internal'), 'fr'));
      expect(answer.headers['content-language']).toBe('fr');
    }
    expect(onError).toHaveBeenCalledTimes(2);
    expect(onError.mock.calls[0]![1].answer.code).toBe('UnknownError');
  });

  it('answers a hostile Proxy in the client’s language', () => {
    const trap = () => {
      throw new Error('secret');
    };
    const proxy = new Proxy({}, { get: trap, getPrototypeOf: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap });
    const answer = createErrorAnswerer(restSet).answer(proxy, 'request', headers);
    expect([answer.status, answer.headers['content-language']]).toEqual([500, 'fr']);
  });

  it.each([
    ['status', Object.assign(new Error('secret'), { status: 404 }), 404],
    ['statusCode', Object.assign(new Error('secret'), { statusCode: 404 }), 404],
    ['status before statusCode', Object.assign(new Error('secret'), { status: 404, statusCode: 401 }), 404],
    ['an unmapped status', Object.assign(new Error('secret'), { status: 401, expose: true }), 500],
    ['status 200', Object.assign(new Error('secret'), { status: 200 }), 500],
    ['status NaN', Object.assign(new Error('secret'), { status: Number.NaN }), 500],
    ['status "404"', Object.assign(new Error('secret'), { status: '404' }), 500],
    ['a plain object', { status: 404, message: 'secret' }, 500],
  ])('maps a library error by %s as the spec says', (_name, thrown, status) => {
    const onError = vi.fn();
    const answer = createErrorAnswerer(mappedSet, { onError }).answer(thrown, 'request', headers);
    expect(answer.status).toBe(status);
    expect(JSON.stringify(answer.body)).not.toContain('secret');
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('reads a library status as Express does', () => {
    expect([libraryStatus(Object.assign(new Error(), { status: 599 })), libraryStatus(Object.assign(new Error(), { status: 600 })), libraryStatus(Object.assign(new Error(), { statusCode: 418.5 }))]).toEqual([599, undefined, undefined]);
  });

  it.each([
    ['the path, without the query', 'path', '/score/7?token=secret#x', '/score/7'],
    ['a function of the request', (): string => '/runs/42', '/ignored', '/runs/42'],
    ['a path that is no URI reference', 'path', '/sc ore/<script>', undefined],
    ['a path over 2,048 characters', 'path', `/${'a'.repeat(2048)}`, undefined],
    ['a function that throws', () => { throw new Error('secret'); }, '/x', undefined],
  ] as const)('problem details’ instance: %s', (_name, problemInstance, url, instance) => {
    const answerer = createErrorAnswerer<{ url: string }>(restSet, { envelope: 'problem', problemInstance }, undefined, (request) => request.url);
    const answer = answerer.answer(new CatalogError(restSet, { category: 'NotFound' }), { url }, {});
    expect((answer.body as { instance?: string }).instance).toBe(instance);
    expect((answerer.notFound({ url }, {}).body as { instance?: string }).instance).toBe(instance);
  });

  it('refuses a problemInstance that is neither "path" nor a function when created', () => {
    expect(() => createErrorAnswerer(restSet, { problemInstance: 'url' as 'path' })).toThrow(/problemInstance/);
  });

  it('adds nosniff and no-store, but not no-store to a 304', () => {
    const answerer = createErrorAnswerer(batchSet);
    expect(answerer.answer(new CatalogError(batchSet, { code: 'PoolNotFound' }), 'request', {}).headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    const notModified = answerer.answer(new CatalogError(batchSet, { code: 'ConditionNotMet', variant: 'read' }), 'request', {});
    expect(notModified.status).toBe(304);
    expect(notModified.headers['cache-control']).toBeUndefined();
  });
});

describe.each([
  ['Express 5', express5],
  ['Express 4', express4],
] as const)('%s: handlers() and OPTIONS', (_name, express) => {
  async function serve(app: ReturnType<typeof express5>): Promise<{ get: (path: string, sent?: Sent) => Promise<Received>; close: () => Promise<void> }> {
    const { base, close } = await listen(createServer(app));
    return { get: (path, sent) => request(base, path, sent), close };
  }

  it('configures both handlers once; OPTIONS on a served path is Express’s, elsewhere not found', async () => {
    const app = express();
    const router = express.Router();
    router.post('/jobs/:id', (_req, res) => {
      res.end();
    });
    const errors = handlers(restSet, { envelope: 'problem' });
    router.use(errors.notFoundHandler);
    router.use(errors.errorHandler);
    app.use('/api', router);
    const { get, close } = await serve(app as ReturnType<typeof express5>);
    try {
      const preflight = await get('/api/jobs/7', { method: 'OPTIONS' });
      expect([preflight.status, preflight.headers.allow]).toEqual([200, 'POST']);
      const missing = await get('/api/nothing', { method: 'OPTIONS' });
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toBe('application/problem+json');
      expect((await get('/api/nothing')).headers['content-type']).toBe('application/problem+json');
    } finally {
      await close();
    }
  });
});

describe('Fastify: a reply stream that fails after the headers were sent', () => {
  it('is reported once, to the onError of the context that owns the route', async () => {
    const [root, child] = [vi.fn(), vi.fn()];
    const app = Fastify({ logger: false });
    const schemas = { body: restSchema, problem: problemSchema };
    await app.register(errorPlugin(restSet, schemas, { name: 'root' }), { onError: root });
    await app.register(
      async (scope) => {
        await scope.register(errorPlugin(restSet, schemas, { name: 'child' }), { onError: child });
        scope.get('/csv', async (_request, reply) => {
          let pushed = false;
          const stream = new Readable({
            read() {
              if (pushed) return;
              pushed = true;
              this.push('a,b\n');
              setTimeout(() => this.destroy(new Error('secret: lost')), 10);
            },
          });
          return reply.type('text/csv').send(stream);
        });
      },
      { prefix: '/child' },
    );
    await app.ready();
    const { base, close } = await listen(app.server);
    try {
      await request(base, '/child/csv').catch(() => undefined);
      await vi.waitFor(() => expect(child).toHaveBeenCalledTimes(1));
      expect(root).not.toHaveBeenCalled();
      expect((child.mock.calls[0]![0] as Error).message).toBe('secret: lost');
    } finally {
      await close();
      await app.close();
    }
  });
});
