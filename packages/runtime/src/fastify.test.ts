import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listen, request, type Received, type Sent } from '../test/http.js';
import { batchSchema, problemSchema, restSchema } from '../test/schemas.js';
import { batchSet, restSet } from '../test/sets.js';
import { NON_CATALOG_THROWS } from '../test/thrown.js';
import type { ErrorSet, FailureKind } from './catalog.js';
import { CatalogError, errorBody, problemBody } from './catalog-error.js';
import { classifyFastifyError, errorPlugin, frameworkErrorsHandler, type FastifyErrorOptions } from './fastify.js';
import { failureError, type HttpCatalogError } from './response.js';

const INTERNAL_BYTES = {
  studio: '{"error":{"code":"InternalError","message":"Execution encountered an internal error.","details":[{"code":"UnknownError","message":"Execution encountered an internal error."}]}}',
  batch: '{"code":"InternalError","message":{"lang":"en","value":"The server encountered an internal error. Please retry the request."}}',
} as const;

const SCHEMAS = new Map<ErrorSet, typeof restSchema>([
  [restSet, restSchema],
  [batchSet, batchSchema],
]);

type Thrower = () => unknown;

function plugin(set: ErrorSet) {
  return errorPlugin(set, { body: SCHEMAS.get(set)!, problem: problemSchema }, { name: `test-${set.id}` });
}

const POOL_SCHEMA = {
  body: {
    type: 'object',
    required: ['pool'],
    properties: {
      pool: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'string', maxLength: 8 }, tasks: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } },
      },
    },
  },
};

function buildApp(set: ErrorSet, options: FastifyErrorOptions = {}, throwers: readonly Thrower[] = []): FastifyInstance {
  const app = Fastify({ logger: false, frameworkErrors: frameworkErrorsHandler(set, { body: SCHEMAS.get(set)!, problem: problemSchema }, options) });
  app.register(plugin(set), options);
  app.register(async (routes) => {
    routes.get<{ Params: { index: string } }>('/throw/:index', (req) => {
      throw throwers[Number(req.params.index)]!();
    });
    routes.get<{ Params: { index: string } }>('/reject/:index', async (req) => {
      await Promise.resolve();
      throw throwers[Number(req.params.index)]!();
    });
    routes.post('/body', { schema: POOL_SCHEMA }, async (req) => req.body);
    routes.get('/query', { schema: { querystring: { type: 'object', properties: { limit: { type: 'integer', maximum: 100 } } } } }, async () => ({}));
    routes.get('/headers', { schema: { headers: { type: 'object', required: ['x-api-key'], properties: { 'x-api-key': { type: 'string' } } } } }, async () => ({}));
    routes.get('/after-headers', async (_req, reply) => {
      reply.raw.writeHead(200, { 'content-type': 'text/plain' });
      reply.raw.write('partial');
      throw new Error('secret: late failure');
    });
    routes.get('/decorated', async (_req, reply) => {
      reply.header('etag', '"v1"').header('access-control-allow-origin', '*').header('vary', 'Origin');
      throw throwers[0]!();
    });
  });
  return app;
}

const open: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

async function serve(app: FastifyInstance): Promise<(path: string, sent?: Sent) => Promise<Received>> {
  await app.ready();
  const { base, close } = await listen(app.server);
  open.push(async () => {
    await close();
    await app.close();
  });
  return (path, sent) => request(base, path, sent);
}

function failureBody(set: ErrorSet, kind: FailureKind, locale: string, init: { target?: string; values?: Array<{ key: string; value: string }> } = {}): string {
  const error = failureError(set, kind);
  return JSON.stringify(errorBody(Object.keys(init).length ? new CatalogError(set, { code: error.code, category: error.category, ...init }) : error, locale));
}

interface Case {
  readonly name: string;
  readonly set: ErrorSet;
  readonly error: () => HttpCatalogError;
}

const CASES: readonly Case[] = [
  { name: 'a detail code with params', set: restSet, error: () => new CatalogError(restSet, { code: 'BlobNotFound', params: { blob: 'in.csv', azureMessage: 'gone "quoted" \\ \u2028' } }) as HttpCatalogError },
  { name: 'a detail code with a target', set: restSet, error: () => new CatalogError(restSet, { code: 'BlobNotFound', params: { blob: 'a', azureMessage: 'b' }, target: 'input1' }) as HttpCatalogError },
  { name: 'a code under two categories (500)', set: restSet, error: () => new CatalogError(restSet, { category: 'InternalError', code: 'UnknownError' }) as HttpCatalogError },
  { name: 'a category alone', set: restSet, error: () => new CatalogError(restSet, { category: 'NotFound' }) as HttpCatalogError },
  { name: 'a Batch code', set: batchSet, error: () => new CatalogError(batchSet, { code: 'PoolNotFound' }) as HttpCatalogError },
  { name: 'a Batch code with values', set: batchSet, error: () => new CatalogError(batchSet, { code: 'QuotaReached', params: { count: 3, account: 'acme' }, values: [{ key: 'Account', value: 'acme' }] }) as HttpCatalogError },
  { name: 'a Batch write variant (412)', set: batchSet, error: () => new CatalogError(batchSet, { code: 'ConditionNotMet', variant: 'write' }) as HttpCatalogError },
];

describe('a thrown catalog error', () => {
  const table = CASES.flatMap((entry) => [...entry.set.locales, 'fr-CA, en;q=0.5'].flatMap((acceptLanguage) => (['throw', 'reject'] as const).map((how) => [entry.name, acceptLanguage, how, entry] as const)));

  it.each(table)('%s, Accept-Language %j (%s): its status, body and headers', async (_name, acceptLanguage, how, entry) => {
    const error = entry.error();
    const get = await serve(buildApp(entry.set, {}, [() => error]));
    const response = await get(`/${how}/0`, { headers: { 'accept-language': acceptLanguage } });
    const locale = entry.set.locales.includes(acceptLanguage) ? acceptLanguage : entry.set.locales.includes('fr') ? 'fr' : 'en';
    expect(response.status).toBe(error.status);
    expect(response.text).toBe(JSON.stringify(errorBody(error, locale)));
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-language']).toBe(locale);
    expect(response.headers['x-ms-error-code']).toBe(entry.set.wireFormat === 'rest-guidelines' ? error.category : undefined);
    expect(response.headers.vary).toBe(entry.set.locales.length > 1 ? 'Accept-Language, Accept' : 'Accept');
  });

  it('answers a read variant (304) without a body', async () => {
    const get = await serve(buildApp(batchSet, {}, [() => new CatalogError(batchSet, { code: 'ConditionNotMet' })]));
    const response = await get('/throw/0');
    expect(response.status).toBe(304);
    expect(response.text).toBe('');
    expect(response.headers['content-type']).toBeUndefined();
  });

  it('drops the representation headers a route set, keeps the others and adds to Vary', async () => {
    const get = await serve(buildApp(restSet, {}, [() => new CatalogError(restSet, { category: 'NotFound' })]));
    const response = await get('/decorated');
    expect(response.status).toBe(404);
    expect(response.headers.etag).toBeUndefined();
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers.vary).toBe('Origin, Accept-Language, Accept');
  });

  it('runs the app’s onSend hooks on error responses', async () => {
    const app = buildApp(batchSet, {}, [() => new CatalogError(batchSet, { code: 'PoolNotFound' })]);
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('x-request-id', 'r1');
      return payload;
    });
    const get = await serve(app);
    const response = await get('/throw/0');
    expect(response.headers['x-request-id']).toBe('r1');
    expect(response.text).toBe('{"code":"PoolNotFound","message":{"lang":"en","value":"The specified pool does not exist."}}');
  });

  it('serializes with its own schema, whatever response schema the route declares', async () => {
    const app = Fastify({ logger: false });
    app.register(plugin(batchSet));
    app.register(async (routes) => {
      routes.get('/pools/:id', { schema: { response: { '4xx': { type: 'object', properties: { message: { type: 'string' } } } } } }, async () => {
        throw new CatalogError(batchSet, { code: 'PoolNotFound' });
      });
    });
    const get = await serve(app);
    expect((await get('/pools/p1')).text).toBe('{"code":"PoolNotFound","message":{"lang":"en","value":"The specified pool does not exist."}}');
  });
});

describe('problem details', () => {
  const error = () => new CatalogError(restSet, { code: 'BlobNotFound', params: { blob: 'in.csv', azureMessage: 'gone' } }) as HttpCatalogError;

  it.each([
    ['application/problem+json', true],
    ['application/problem+json, application/json;q=0.5', true],
    ['application/json, application/problem+json;q=0.9', false],
    ['*/*', false],
  ])('Accept %j → problem details: %s', async (accept, problem) => {
    const get = await serve(buildApp(restSet, {}, [error]));
    const response = await get('/throw/0', { headers: { accept, 'accept-language': 'zh-TW' } });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe(problem ? 'application/problem+json' : 'application/json; charset=utf-8');
    expect(response.text).toBe(JSON.stringify(problem ? problemBody(error(), 'zh-TW') : errorBody(error(), 'zh-TW')));
  });

  it('answers with problem details whatever the client accepts when the app opts in', async () => {
    const get = await serve(buildApp(batchSet, { envelope: 'problem', problemTypeBase: 'https://errors.example.com/batch/' }, [() => new CatalogError(batchSet, { code: 'PoolNotFound' })]));
    const response = await get('/throw/0', { headers: { accept: 'application/json' } });
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.text).toBe('{"type":"https://errors.example.com/batch/PoolNotFound","title":"Not Found","status":404,"detail":"The specified pool does not exist.","code":"PoolNotFound"}');
  });
});

describe('anything that is not a catalog error', () => {
  const table = [restSet, batchSet].flatMap((set) => NON_CATALOG_THROWS.flatMap(([name, make]) => (['throw', 'reject'] as const).map((how) => [set.id, name, how, set, make] as const)));

  it.each(table)('%s: %s (%s) → the internal error, 500, nothing leaked, the original to onError', async (id, _name, how, set, make) => {
    const value = make();
    const onError = vi.fn();
    const get = await serve(buildApp(set, { onError }, [() => value]));
    const response = await get(`/${how}/0`);
    expect(response.status).toBe(500);
    expect(response.text).toBe(INTERNAL_BYTES[id as keyof typeof INTERNAL_BYTES]);
    expect(response.text).not.toMatch(/secret|stack|at /i);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toBe(value);
    expect(onError.mock.calls[0]![1].answer.status).toBe(500);
  });

  it('answers even when onError throws', async () => {
    const get = await serve(buildApp(restSet, { onError: () => { throw new Error('logger down'); } }, [() => new Error('secret')]));
    const response = await get('/throw/0');
    expect(response.status).toBe(500);
    expect(response.text).toBe(INTERNAL_BYTES.studio);
  });

  it('answers with what mapError makes of an error', async () => {
    const limited = Object.assign(new Error('Rate limit exceeded'), { statusCode: 429 });
    const get = await serve(
      buildApp(batchSet, { mapError: (error) => (error === limited ? new CatalogError(batchSet, { code: 'QuotaReached', params: { count: 1, account: 'a' } }) : undefined) }, [() => limited]),
    );
    const response = await get('/throw/0');
    expect(response.status).toBe(409);
    expect((response.json as { code: string }).code).toBe('QuotaReached');
  });

  describe('exposeDetails', () => {
    const previous = process.env.NODE_ENV;
    afterEach(() => {
      process.env.NODE_ENV = previous;
    });

    it('adds the message and stack outside production, beyond what the response schema describes', async () => {
      process.env.NODE_ENV = 'development';
      const get = await serve(buildApp(restSet, { exposeDetails: true }, [() => new Error('visible in development')]));
      const body = (await get('/throw/0')).json as { error: { innererror: { message: string; stack: string } } };
      expect(body.error.innererror.message).toBe('Error: visible in development');
      expect(body.error.innererror.stack).toContain('fastify.test.ts');
    });

    it('adds nothing in production', async () => {
      process.env.NODE_ENV = 'production';
      const get = await serve(buildApp(restSet, { exposeDetails: true }, [() => new Error('secret')]));
      expect((await get('/throw/0')).text).toBe(INTERNAL_BYTES.studio);
    });
  });
});

describe('framework failures', () => {
  const json = { 'content-type': 'application/json' };

  it.each(restSet.locales)('malformed JSON → the malformedBody code in %s', async (locale) => {
    const get = await serve(buildApp(restSet));
    const response = await get('/body', { method: 'POST', headers: { ...json, 'accept-language': locale }, body: '{"pool": ' });
    expect(response.status).toBe(failureError(restSet, 'malformedBody').status);
    expect(response.text).toBe(failureBody(restSet, 'malformedBody', locale));
    expect(response.headers['content-language']).toBe(locale);
  });

  it.each([
    ['an empty JSON body', { headers: json, body: '' }],
    ['JSON with a __proto__ key', { headers: json, body: '{"__proto__":{"polluted":true},"pool":{"id":"p"}}' }],
    ['JSON with a constructor.prototype key', { headers: json, body: '{"constructor":{"prototype":{"polluted":true}},"pool":{"id":"p"}}' }],
    ['an unsupported media type', { headers: { 'content-type': 'application/x-secret' }, body: 'x' }],
  ])('%s → the malformedBody code', async (_name, sent) => {
    const get = await serve(buildApp(batchSet));
    const response = await get('/body', { method: 'POST', ...sent });
    expect(response.text).toBe(failureBody(batchSet, 'malformedBody', 'en'));
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('a 10 MB body → the bodyTooLarge code', async () => {
    const onError = vi.fn();
    const get = await serve(buildApp(batchSet, { onError }));
    const response = await get('/body', { method: 'POST', headers: json, body: Buffer.alloc(10 * 1024 * 1024, 0x20) });
    expect(response.status).toBe(failureError(batchSet, 'bodyTooLarge').status);
    expect(response.text).toBe(failureBody(batchSet, 'bodyTooLarge', 'en'));
    expect((onError.mock.calls[0]![0] as { code: string }).code).toBe('FST_ERR_CTP_BODY_TOO_LARGE');
  });

  it.each([
    ['a missing nested property', { pool: {} }, 'pool.id'],
    ['a property too long', { pool: { id: 'much-too-long' } }, 'pool.id'],
    ['a property inside an array', { pool: { id: 'p', tasks: [{ name: 'a' }, {}] } }, 'pool.tasks[1].name'],
    ['a missing top-level property', {}, 'pool'],
    ['a body of the wrong type', [], 'body'],
  ])('a validation error for %s → the validation code naming %s (Batch values, ML target)', async (_name, body, property) => {
    for (const set of [batchSet, restSet]) {
      const get = await serve(buildApp(set));
      const response = await get('/body', { method: 'POST', headers: { ...json, 'accept-language': 'fr' }, body: JSON.stringify(body) });
      const locale = set.locales.includes('fr') ? 'fr' : 'en';
      expect(response.status).toBe(failureError(set, 'validation').status);
      expect(response.text).toBe(failureBody(set, 'validation', locale, set.wireFormat === 'batch' ? { values: [{ key: 'PropertyName', value: property }] } : { target: property }));
    }
  });

  it('a validation error in the query string or headers names the parameter', async () => {
    const get = await serve(buildApp(restSet));
    const query = (await get('/query?limit=1000')).json as { error: { details: Array<{ target: string }> } };
    expect(query.error.details[0]!.target).toBe('limit');
    const headers = (await get('/headers')).json as { error: { details: Array<{ target: string }> } };
    expect(headers.error.details[0]!.target).toBe('x-api-key');
  });

  it('clips a property name taken from the request', async () => {
    const property = 'k'.repeat(5000);
    const app = Fastify({ logger: false, ajv: { customOptions: { removeAdditional: false } } });
    app.register(plugin(batchSet));
    app.register(async (routes) => {
      routes.post('/strict', { schema: { body: { type: 'object', additionalProperties: false, properties: {} } } }, async () => ({}));
    });
    const get = await serve(app);
    const response = await get('/strict', { method: 'POST', headers: json, body: JSON.stringify({ [property]: 1 }) });
    const { values } = response.json as { values: Array<{ value: string }> };
    expect(values[0]!.value).toHaveLength(256);
    expect(values[0]!.value.endsWith('…')).toBe(true);
  });

  it.each(restSet.locales)('an unknown route → the notFound code in %s', async (locale) => {
    const get = await serve(buildApp(restSet));
    const response = await get('/no/such/route', { headers: { 'accept-language': locale } });
    expect(response.status).toBe(404);
    expect(response.text).toBe(failureBody(restSet, 'notFound', locale));
    expect(response.headers['x-ms-error-code']).toBe('NotFound');
  });

  it('a URL that cannot be decoded → the notFound code through frameworkErrors, without echoing it', async () => {
    const get = await serve(buildApp(batchSet));
    const response = await get('/secret%');
    expect(response.status).toBe(404);
    expect(response.text).toBe(failureBody(batchSet, 'notFound', 'en'));
  });

  it('leaves the not-found handler to the app when asked', async () => {
    const app = Fastify({ logger: false });
    app.register(plugin(batchSet), { notFound: false });
    app.setNotFoundHandler((_request, reply) => {
      reply.code(404).send('own');
    });
    const get = await serve(app);
    expect((await get('/nowhere')).text).toBe('own');
  });

  it('applies to a prefixed part of an app when registered inside it', async () => {
    const app = Fastify({ logger: false });
    app.register(
      async (api) => {
        api.register(plugin(restSet));
        api.get('/fail', async () => {
          throw new Error('secret');
        });
      },
      { prefix: '/studio' },
    );
    app.get('/other', async () => {
      throw new Error('plain');
    });
    const get = await serve(app);
    expect((await get('/studio/fail')).text).toBe(INTERNAL_BYTES.studio);
    expect((await get('/studio/missing')).json).toEqual({ error: { code: 'NotFound', message: 'Resource not found.' } });
    expect(((await get('/other')).json as { message: string }).message).toBe('plain');
  });
});

describe('Accept-Language the client may send', () => {
  const error = () => new CatalogError(restSet, { category: 'NotFound' }) as HttpCatalogError;

  it.each([
    ['absent', undefined, 'en'],
    ['*', '*', 'en'],
    ['garbage', ';;;,,q=abc,=,\u00ff\u00fe', 'en'],
    ['10 KB of tags, the known one last', `${Array.from({ length: 1700 }, (_, index) => `x${index}`).join(',')},ko;q=0.01`.slice(-10 * 1024), 'ko'],
    ['10 KB of one tag', 'a'.repeat(10 * 1024), 'en'],
  ])('%s → %s', async (_name, header, locale) => {
    const get = await serve(buildApp(restSet, {}, [error]));
    const response = await get('/throw/0', { headers: header === undefined ? {} : { 'accept-language': header } });
    expect(response.headers['content-language']).toBe(locale);
    expect(response.text).toBe(JSON.stringify(errorBody(error(), locale)));
  });

  it('answers concurrent requests each in its own language', async () => {
    const blob = () => new CatalogError(restSet, { code: 'BlobNotFound', params: { blob: 'x', azureMessage: 'y' } }) as HttpCatalogError;
    const get = await serve(buildApp(restSet, {}, [blob]));
    const asked = Array.from({ length: 120 }, (_, index) => restSet.locales[index % restSet.locales.length]!);
    const responses = await Promise.all(asked.map((locale) => get('/reject/0', { headers: { 'accept-language': locale } })));
    responses.forEach((response, index) => {
      expect(response.headers['content-language']).toBe(asked[index]);
      expect(response.text).toBe(JSON.stringify(errorBody(blob(), asked[index]!)));
    });
  });
});

describe('an error after the headers were sent', () => {
  it('goes on to Fastify, which ends the connection; onError hears of it; the server carries on', async () => {
    const onError = vi.fn();
    const get = await serve(buildApp(batchSet, { onError }, [() => new CatalogError(batchSet, { code: 'PoolNotFound' })]));
    const outcome = await get('/after-headers').then(
      (response) => ({ status: response.status, text: response.text }),
      (error: Error) => ({ error: error.message }),
    );
    expect(outcome).toEqual({ error: 'aborted' });
    expect(onError).toHaveBeenCalledTimes(1);
    expect((onError.mock.calls[0]![0] as Error).message).toBe('secret: late failure');
    expect(onError.mock.calls[0]![1].answer).toBeUndefined();
    expect((await get('/throw/0')).status).toBe(404);
  });
});

describe('classifyFastifyError', () => {
  it('recognises only errors, by code', () => {
    expect(classifyFastifyError({ code: 'FST_ERR_CTP_BODY_TOO_LARGE' })).toBeUndefined();
    expect(classifyFastifyError(Object.assign(new Error('x'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE' }))).toEqual({ kind: 'bodyTooLarge' });
    expect(classifyFastifyError(Object.assign(new Error('x'), { code: 'toString' }))).toBeUndefined();
  });

  it('unescapes JSON Pointer segments for the property, and escapes them again in errors[]', () => {
    const error = Object.assign(new Error('x'), { code: 'FST_ERR_VALIDATION', validationContext: 'body', validation: [{ instancePath: '/a~1b/c~0d', params: {} }] });
    expect(classifyFastifyError(error)).toEqual({ kind: 'validation', property: 'a/b.c~d', errors: [{ detail: 'x', pointer: '#/a~1b/c~0d' }] });
  });

  it('lists every issue in errors[]: a pointer into the body, a name elsewhere, the part alone when nothing is named', () => {
    const body = Object.assign(new Error('x'), { code: 'FST_ERR_VALIDATION', validationContext: 'body', validation: [{ instancePath: '', message: 'must be object', params: {} }, { instancePath: '/pool', message: 'must have required property \'id\'', params: { missingProperty: 'id' } }] });
    expect(classifyFastifyError(body)?.errors).toEqual([{ detail: 'must be object', pointer: '#' }, { detail: "must have required property 'id'", pointer: '#/pool/id' }]);
    const headers = Object.assign(new Error('x'), { code: 'FST_ERR_VALIDATION', validationContext: 'headers', validation: [{ instancePath: '', message: 'required', params: { missingProperty: 'x-api-key' } }, { instancePath: '', message: 'bad', params: {} }] });
    expect(classifyFastifyError(headers)?.errors).toEqual([{ detail: 'required', name: 'x-api-key' }, { detail: 'bad' }]);
  });
});
