import type { Express } from 'express';
import express5 from 'express';
import express4 from 'express4';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchSet, restSet } from '../test/sets.js';
import { listen, request, type Received, type Sent } from '../test/http.js';
import { NON_CATALOG_THROWS } from '../test/thrown.js';
import type { ErrorSet, FailureKind } from './catalog.js';
import { CatalogError, errorBody, problemBody } from './catalog-error.js';
import { catchErrors, errorHandler, notFoundHandler, type ExpressErrorOptions } from './express.js';
import { failureError, type HttpCatalogError } from './response.js';

const FRAMEWORKS = [
  ['Express 5', express5],
  ['Express 4', express4],
] as const;

const INTERNAL_BYTES = {
  studio: '{"error":{"code":"InternalError","message":"Execution encountered an internal error.","details":[{"code":"UnknownError","message":"Execution encountered an internal error."}]}}',
  batch: '{"code":"InternalError","message":{"lang":"en","value":"The server encountered an internal error. Please retry the request."}}',
} as const;

type Thrower = () => unknown;

/** An app whose routes throw what the test registers, with the handlers under test last. */
function buildApp(express: typeof express5, set: ErrorSet, options: ExpressErrorOptions = {}, throwers: readonly Thrower[] = []): Express {
  const app = express();
  app.post('/body', express.json(), (req, res) => {
    res.json(req.body);
  });
  app.get(
    '/throw/:index',
    catchErrors((req, _res, _next) => {
      throw throwers[Number((req as unknown as { params: { index: string } }).params.index)]!();
    }),
  );
  app.get(
    '/reject/:index',
    catchErrors(async (req, _res, _next) => {
      await Promise.resolve();
      throw throwers[Number((req as unknown as { params: { index: string } }).params.index)]!();
    }),
  );
  app.get('/bare-throw/:index', (req) => {
    throw throwers[Number(req.params.index)]!();
  });
  app.get('/pools/:id', (_req, res) => {
    res.json({});
  });
  app.get('/after-headers', (_req, res, next) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('partial');
    next(new Error('secret: late failure'));
  });
  app.get('/decorated', (_req, res) => {
    res.setHeader('etag', '"v1"');
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('vary', 'Origin');
    throw throwers[0]!();
  });
  app.use(notFoundHandler(set, options));
  app.use(errorHandler(set, options));
  return app;
}

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

async function serve(app: Express): Promise<(path: string, sent?: Sent) => Promise<Received>> {
  const { base, close } = await listen((await import('node:http')).createServer(app));
  open.push(close);
  return (path, sent) => request(base, path, sent);
}

function failureBody(set: ErrorSet, kind: FailureKind, locale: string): string {
  return JSON.stringify(errorBody(failureError(set, kind), locale));
}

interface Case {
  readonly name: string;
  readonly set: ErrorSet;
  readonly error: () => HttpCatalogError;
}

const CASES: readonly Case[] = [
  { name: 'a detail code with params', set: restSet, error: () => new CatalogError(restSet, { code: 'BlobNotFound', params: { blob: 'in.csv', azureMessage: 'gone' } }) as HttpCatalogError },
  { name: 'a detail code with a target', set: restSet, error: () => new CatalogError(restSet, { code: 'BlobNotFound', params: { blob: 'a', azureMessage: 'b' }, target: 'input1' }) as HttpCatalogError },
  { name: 'a code under two categories (500)', set: restSet, error: () => new CatalogError(restSet, { category: 'InternalError', code: 'UnknownError' }) as HttpCatalogError },
  { name: 'a category alone', set: restSet, error: () => new CatalogError(restSet, { category: 'NotFound' }) as HttpCatalogError },
  { name: 'a Batch code', set: batchSet, error: () => new CatalogError(batchSet, { code: 'PoolNotFound' }) as HttpCatalogError },
  { name: 'a Batch code with values', set: batchSet, error: () => new CatalogError(batchSet, { code: 'QuotaReached', params: { count: 3, account: 'acme' }, values: [{ key: 'Account', value: 'acme' }] }) as HttpCatalogError },
  { name: 'a Batch write variant (412)', set: batchSet, error: () => new CatalogError(batchSet, { code: 'ConditionNotMet', variant: 'write' }) as HttpCatalogError },
];

describe.each(FRAMEWORKS)('%s', (_framework, express) => {
  describe('a thrown catalog error', () => {
    const table = CASES.flatMap((entry) => [...entry.set.locales, 'fr-CA, en;q=0.5'].map((acceptLanguage) => [entry.name, acceptLanguage, entry] as const));

    it.each(table)('%s, Accept-Language %j: its status, body and headers', async (_name, acceptLanguage, entry) => {
      const error = entry.error();
      const get = await serve(buildApp(express, entry.set, {}, [() => error]));
      const response = await get('/throw/0', { headers: { 'accept-language': acceptLanguage } });
      const locale = entry.set.locales.includes(acceptLanguage) ? acceptLanguage : entry.set.locales.includes('fr') ? 'fr' : 'en';
      expect(response.status).toBe(error.status);
      expect(response.text).toBe(JSON.stringify(errorBody(error, locale)));
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['content-language']).toBe(locale);
      expect(response.headers['content-length']).toBe(String(Buffer.byteLength(response.text)));
      expect(response.headers['x-ms-error-code']).toBe(entry.set.wireFormat === 'rest-guidelines' ? error.category : undefined);
      expect(response.headers.vary).toBe(entry.set.locales.length > 1 ? 'Accept-Language, Accept' : 'Accept');
      expect(response.headers.etag).toBeUndefined();
    });

    it('puts the negotiated tag in a Batch body', async () => {
      const get = await serve(buildApp(express, batchSet, {}, [() => new CatalogError(batchSet, { code: 'PoolNotFound' })]));
      const response = await get('/throw/0', { headers: { 'accept-language': 'en-GB' } });
      expect(response.text).toBe('{"code":"PoolNotFound","message":{"lang":"en","value":"The specified pool does not exist."}}');
    });

    it('answers a read variant (304) without a body', async () => {
      const get = await serve(buildApp(express, batchSet, {}, [() => new CatalogError(batchSet, { code: 'ConditionNotMet' })]));
      const response = await get('/throw/0');
      expect(response.status).toBe(304);
      expect(response.text).toBe('');
      expect(response.headers['content-type']).toBeUndefined();
    });

    it('answers HEAD with the headers and no body', async () => {
      const error = new CatalogError(restSet, { category: 'NotFound' });
      const app = buildApp(express, restSet, {}, [() => error]);
      const get = await serve(app);
      const response = await get('/throw/0', { method: 'HEAD', headers: { 'accept-language': 'fr' } });
      expect(response.status).toBe(404);
      expect(response.text).toBe('');
      expect(response.headers['x-ms-error-code']).toBe('NotFound');
      expect(response.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify(errorBody(error, 'fr')))));
    });

    it('drops the representation headers a route set, keeps the others and adds to Vary', async () => {
      const get = await serve(buildApp(express, restSet, {}, [() => new CatalogError(restSet, { category: 'NotFound' })]));
      const response = await get('/decorated');
      expect(response.status).toBe(404);
      expect(response.headers.etag).toBeUndefined();
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers.vary).toBe('Origin, Accept-Language, Accept');
    });

    it('answers a catalog error of another service as this service’s internal error, and reports it', async () => {
      const onError = vi.fn();
      const pool = new CatalogError(batchSet, { code: 'PoolNotFound' });
      const get = await serve(buildApp(express, restSet, { onError }, [() => pool]));
      const response = await get('/throw/0', { headers: { 'accept-language': 'fr' } });
      expect(response.status).toBe(500);
      expect(response.text).toBe(JSON.stringify(errorBody(failureError(restSet, 'internal'), 'fr')));
      expect(response.headers['content-language']).toBe('fr');
      expect(response.headers['x-ms-error-code']).toBe('InternalError');
      expect(onError).toHaveBeenCalledTimes(1);
      expect(onError.mock.calls[0]![0]).toBe(pool);
    });
  });

  describe('problem details', () => {
    const error = () => new CatalogError(restSet, { code: 'BlobNotFound', params: { blob: 'in.csv', azureMessage: 'gone' } }) as HttpCatalogError;

    it.each([
      ['application/problem+json', true],
      ['application/problem+json, application/json;q=0.5', true],
      ['APPLICATION/PROBLEM+JSON', true],
      ['application/json, application/problem+json;q=0.9', false],
      ['*/*', false],
      ['text/html', false],
    ])('Accept %j → problem details: %s', async (accept, problem) => {
      const get = await serve(buildApp(express, restSet, {}, [error]));
      const response = await get('/throw/0', { headers: { accept, 'accept-language': 'ko' } });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toBe(problem ? 'application/problem+json' : 'application/json; charset=utf-8');
      expect(response.text).toBe(JSON.stringify(problem ? problemBody(error(), 'ko') : errorBody(error(), 'ko')));
      expect(response.headers['x-ms-error-code']).toBe('BadArgument');
    });

    it('answers with problem details whatever the client accepts when the app opts in, with its type base', async () => {
      const get = await serve(buildApp(express, batchSet, { envelope: 'problem', problemTypeBase: 'https://errors.example.com/batch/' }, [() => new CatalogError(batchSet, { code: 'PoolNotFound' })]));
      const response = await get('/throw/0', { headers: { accept: 'application/json' } });
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(response.text).toBe('{"type":"https://errors.example.com/batch/PoolNotFound","title":"Not Found","status":404,"detail":"The specified pool does not exist.","code":"PoolNotFound"}');
      expect(response.headers.vary).toBeUndefined();
    });
  });

  describe('anything that is not a catalog error', () => {
    const table = [restSet, batchSet].flatMap((set) => NON_CATALOG_THROWS.flatMap(([name, make]) => (['throw', 'reject'] as const).map((how) => [set.id, name, how, set, make] as const)));

    it.each(table)('%s: %s (%s) → the internal error, 500, nothing leaked, the original to onError', async (id, _name, how, set, make) => {
      const value = make();
      const onError = vi.fn();
      const get = await serve(buildApp(express, set, { onError }, [() => value]));
      const response = await get(`/${how}/0`);
      expect(response.status).toBe(500);
      expect(response.text).toBe(INTERNAL_BYTES[id as keyof typeof INTERNAL_BYTES]);
      expect(response.text).not.toMatch(/secret|stack|at /i);
      expect(onError).toHaveBeenCalledTimes(1);
      expect(onError.mock.calls[0]![0]).toBe(value);
      expect(onError.mock.calls[0]![1].answer.status).toBe(500);
      expect(onError.mock.calls[0]![1].request.url).toBe(`/${how}/0`);
    });

    it('takes a bare `throw null` for `next()`, as Express does: the not-found handler answers', async () => {
      const get = await serve(buildApp(express, batchSet, {}, [() => null]));
      const response = await get('/bare-throw/0');
      expect(response.status).toBe(404);
      expect(response.text).toBe(failureBody(batchSet, 'notFound', 'en'));
    });

    it('answers even when onError throws', async () => {
      const get = await serve(
        buildApp(express, restSet, { onError: () => { throw new Error('logger down'); } }, [() => new Error('secret')]),
      );
      const response = await get('/throw/0');
      expect(response.status).toBe(500);
      expect(response.text).toBe(INTERNAL_BYTES.studio);
    });

    it('answers with what mapError makes of an error, and still tells onError', async () => {
      const onError = vi.fn();
      const limited = Object.assign(new Error('Rate limit exceeded'), { statusCode: 429 });
      const get = await serve(
        buildApp(
          express,
          batchSet,
          { onError, mapError: (error) => ((error as { statusCode?: number }).statusCode === 429 ? new CatalogError(batchSet, { code: 'QuotaReached', params: { count: 1, account: 'a' } }) : undefined) },
          [() => limited, () => new Error('secret')],
        ),
      );
      const mapped = await get('/throw/0');
      expect(mapped.status).toBe(409);
      expect((mapped.json as { code: string }).code).toBe('QuotaReached');
      expect(onError.mock.calls[0]![0]).toBe(limited);
      expect((await get('/throw/1')).status).toBe(500);
    });

    it('answers the internal error when mapError throws', async () => {
      const get = await serve(buildApp(express, batchSet, { mapError: () => { throw new Error('secret mapper'); } }, [() => new Error('secret')]));
      const response = await get('/throw/0');
      expect(response.status).toBe(500);
      expect(response.text).toBe(INTERNAL_BYTES.batch);
    });
  });

  describe('exposeDetails', () => {
    const previous = process.env.NODE_ENV;
    afterEach(() => {
      process.env.NODE_ENV = previous;
    });

    it('adds the message and stack of a non-catalog error outside production', async () => {
      process.env.NODE_ENV = 'development';
      const get = await serve(buildApp(express, restSet, { exposeDetails: true }, [() => new Error('visible in development')]));
      const body = (await get('/throw/0')).json as { error: { code: string; innererror: { message: string; stack: string } } };
      expect(body.error.code).toBe('InternalError');
      expect(body.error.innererror.message).toBe('Error: visible in development');
      expect(body.error.innererror.stack).toContain('express.test.ts');
    });

    it('adds them as Batch values and as a problem-details member', async () => {
      process.env.NODE_ENV = 'test';
      const get = await serve(buildApp(express, batchSet, { exposeDetails: true }, [() => 'a string']));
      expect(((await get('/throw/0')).json as { values: unknown[] }).values).toEqual([{ key: 'ExceptionMessage', value: "'a string'" }]);
      const problem = (await get('/throw/0', { headers: { accept: 'application/problem+json' } })).json as { exception: { message: string } };
      expect(problem.exception.message).toBe("'a string'");
    });

    it('adds nothing in production', async () => {
      process.env.NODE_ENV = 'production';
      const get = await serve(buildApp(express, restSet, { exposeDetails: true }, [() => new Error('secret')]));
      expect((await get('/throw/0')).text).toBe(INTERNAL_BYTES.studio);
    });

    it('adds nothing to catalog errors', async () => {
      process.env.NODE_ENV = 'development';
      const error = new CatalogError(restSet, { category: 'NotFound' });
      const get = await serve(buildApp(express, restSet, { exposeDetails: true }, [() => error]));
      expect((await get('/throw/0')).text).toBe(JSON.stringify(errorBody(error, 'en')));
    });
  });

  describe('framework failures', () => {
    it.each(restSet.locales)('malformed JSON → the malformedBody code in %s', async (locale) => {
      const get = await serve(buildApp(express, restSet));
      const response = await get('/body', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': locale }, body: '{"pool": ' });
      expect(response.status).toBe(400);
      expect(response.text).toBe(failureBody(restSet, 'malformedBody', locale));
      expect(response.headers['content-language']).toBe(locale);
    });

    it('JSON with __proto__ keys is parsed as data, never as a prototype', async () => {
      const get = await serve(buildApp(express, restSet));
      const response = await get('/body', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"__proto__":{"polluted":true},"a":1}' });
      expect(response.status).toBe(200);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    });

    it('a 10 MB body → the bodyTooLarge code, after reading the body off the socket', async () => {
      const onError = vi.fn();
      const get = await serve(buildApp(express, batchSet, { onError }));
      const response = await get('/body', { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(10 * 1024 * 1024, 0x20) });
      expect(response.status).toBe(failureError(batchSet, 'bodyTooLarge').status);
      expect(response.text).toBe(failureBody(batchSet, 'bodyTooLarge', 'en'));
      expect((onError.mock.calls[0]![0] as { type: string }).type).toBe('entity.too.large');
    });

    it('an unsupported charset → the malformedBody code', async () => {
      const get = await serve(buildApp(express, batchSet));
      const response = await get('/body', { method: 'POST', headers: { 'content-type': 'application/json; charset=x-secret' }, body: '{}' });
      expect(response.text).toBe(failureBody(batchSet, 'malformedBody', 'en'));
    });

    it.each(restSet.locales)('an unknown route → the notFound code in %s', async (locale) => {
      const get = await serve(buildApp(express, restSet));
      const response = await get('/no/such/route', { headers: { 'accept-language': locale } });
      expect(response.status).toBe(404);
      expect(response.text).toBe(failureBody(restSet, 'notFound', locale));
      expect(response.headers['x-ms-error-code']).toBe('NotFound');
    });

    it('a route param that cannot be decoded → the notFound code, without echoing it', async () => {
      const get = await serve(buildApp(express, batchSet));
      const response = await get('/pools/%E0%A4%A');
      expect(response.status).toBe(404);
      expect(response.text).toBe(failureBody(batchSet, 'notFound', 'en'));
    });
  });

  describe('Accept-Language the client may send', () => {
    const error = () => new CatalogError(restSet, { category: 'NotFound' }) as HttpCatalogError;

    it.each([
      ['absent', undefined, 'en'],
      ['*', '*', 'en'],
      ['garbage', ';;;,,q=abc,=,\u00ff\u00fe', 'en'],
      ['only unknown languages', 'de-DE, ja;q=0.8', 'en'],
      ['q=0 for the best match', 'fr;q=0, ko;q=0.1', 'ko'],
      ['10 KB of tags, the known one last', `${Array.from({ length: 1700 }, (_, index) => `x${index}`).join(',')},ko;q=0.01`.slice(-10 * 1024), 'ko'],
      ['10 KB of one tag', 'a'.repeat(10 * 1024), 'en'],
      ['10 KB of separators', ';'.repeat(5 * 1024) + ','.repeat(5 * 1024), 'en'],
    ])('%s → %s', async (_name, header, locale) => {
      const get = await serve(buildApp(express, restSet, {}, [error]));
      const response = await get('/throw/0', { headers: header === undefined ? {} : { 'accept-language': header } });
      expect(response.status).toBe(404);
      expect(response.headers['content-language']).toBe(locale);
      expect(response.text).toBe(JSON.stringify(errorBody(error(), locale)));
    });

    it('gives the app’s default locale to clients that name none the service has', async () => {
      const get = await serve(buildApp(express, restSet, { defaultLocale: 'fr' }, [error]));
      for (const header of [undefined, '*', 'de', 'garbage;;']) {
        const response = await get('/throw/0', { headers: header === undefined ? {} : { 'accept-language': header } });
        expect(response.headers['content-language']).toBe('fr');
      }
      expect((await get('/throw/0', { headers: { 'accept-language': 'ko' } })).headers['content-language']).toBe('ko');
    });

    it('answers concurrent requests each in its own language', async () => {
      const blob = () => new CatalogError(restSet, { code: 'BlobNotFound', params: { blob: 'x', azureMessage: 'y' } }) as HttpCatalogError;
      const get = await serve(buildApp(express, restSet, {}, [blob]));
      const asked = Array.from({ length: 120 }, (_, index) => restSet.locales[index % restSet.locales.length]!);
      const responses = await Promise.all(asked.map((locale) => get('/throw/0', { headers: { 'accept-language': locale } })));
      responses.forEach((response, index) => {
        expect(response.headers['content-language']).toBe(asked[index]);
        expect(response.text).toBe(JSON.stringify(errorBody(blob(), asked[index]!)));
      });
    });
  });

  describe('an error after the headers were sent', () => {
    it('goes to Express, which ends the connection; onError hears of it; the server carries on', async () => {
      const onError = vi.fn();
      const get = await serve(buildApp(express, batchSet, { onError }, [() => new CatalogError(batchSet, { code: 'PoolNotFound' })]));
      const outcome = await get('/after-headers').then(
        (response) => ({ status: response.status, text: response.text }),
        (error: Error) => ({ error: error.message }),
      );
      // The client sees the response cut short, never a second status line.
      expect(outcome).toEqual({ error: 'aborted' });
      expect(onError).toHaveBeenCalledTimes(1);
      expect((onError.mock.calls[0]![0] as Error).message).toBe('secret: late failure');
      expect(onError.mock.calls[0]![1].answer).toBeUndefined();
      expect((await get('/throw/0')).status).toBe(404);
    });
  });
});

describe('options', () => {
  it('rejects a default locale the service does not have, naming those it has', () => {
    expect(() => errorHandler(batchSet, { defaultLocale: 'fr' })).toThrow('defaultLocale "fr" is not a locale of BatchError; use one of en');
  });

  it('rejects an unknown envelope', () => {
    expect(() => notFoundHandler(batchSet, { envelope: 'xml' as 'native' })).toThrow('envelope must be "native" or "problem"');
  });

  it('rejects a catalog that is not answered over HTTP', () => {
    expect(() => errorHandler({ ...batchSet, failures: undefined })).toThrow('BatchError is not answered over HTTP');
  });
});
