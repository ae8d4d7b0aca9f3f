// A service whose own wire format is problem details, through real Express
// (5 and 4) and Fastify servers: exact bytes, status and headers, and the
// same body whichever envelope or Accept header is in play.

import { createServer } from 'node:http';
import express4 from 'express4';
import express5 from 'express';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { listen, request, type Received, type Sent } from '../test/http.js';
import { ledgerSchema } from '../test/schemas.js';
import { batchSet, problemSet, restSet } from '../test/sets.js';
import { CatalogError } from './catalog-error.js';
import type { Envelope } from './error-answers.js';
import { catchErrors, errorHandler, notFoundHandler } from './express.js';
import { errorPlugin, frameworkErrorsHandler } from './fastify.js';
import { errorResponse, type HttpCatalogError } from './response.js';

const accountMissing = () => new CatalogError(problemSet, { code: 'AccountNotFound', params: { account: 'acme' }, instance: '/accounts/acme' }) as HttpCatalogError;

const BYTES = {
  en: '{"type":"https://errors.example.com/ledger/AccountNotFound","title":"Not Found","status":404,"detail":"Account acme does not exist.","instance":"/accounts/acme","code":"AccountNotFound"}',
  fr: '{"type":"https://errors.example.com/ledger/AccountNotFound","title":"Not Found","status":404,"detail":"Le compte acme n’existe pas.","instance":"/accounts/acme","code":"AccountNotFound"}',
  internal: '{"type":"https://errors.example.com/ledger/InternalError","title":"Internal Server Error","status":500,"detail":"The ledger failed.","code":"InternalError"}',
  notFound: '{"type":"https://errors.example.com/ledger/NoSuchRoute","title":"Not Found","status":404,"detail":"No such resource.","code":"NoSuchRoute"}',
  malformed: '{"type":"https://errors.example.com/ledger/InvalidRequest","title":"Bad Request","status":400,"detail":"The request is not valid.","code":"InvalidRequest"}',
} as const;

describe('a problem-details error set', () => {
  it('toBody and toJSON are the problem details, in RFC 9457 member order', () => {
    const error = accountMissing();
    expect(JSON.stringify(error)).toBe(BYTES.en);
    expect(JSON.stringify(error.toBody('fr'))).toBe(BYTES.fr);
    expect(error.toBody('fr')).toEqual(error.toProblem('fr'));
  });

  it('sends errors[] only in its own format, with a pointer or a name per entry', () => {
    const errors = [{ detail: 'must be a number', pointer: '#/amount' }, { detail: 'is required', name: 'x-api-key' }];
    const problem = new CatalogError(problemSet, { code: 'InvalidRequest', errors });
    expect(JSON.stringify(problem.toBody())).toBe(
      '{"type":"https://errors.example.com/ledger/InvalidRequest","title":"Bad Request","status":400,"detail":"The request is not valid.","code":"InvalidRequest","errors":[{"detail":"must be a number","pointer":"#/amount"},{"detail":"is required","name":"x-api-key"}]}',
    );
    expect(new CatalogError(batchSet, { code: 'PoolNotFound', errors }).toProblem()).not.toHaveProperty('errors');
  });

  it('takes its type base from the spec over the one an adapter passes', () => {
    expect(accountMissing().toProblem('en', { typeBase: 'https://other.example.com/' }).type).toBe('https://errors.example.com/ledger/AccountNotFound');
    expect(new CatalogError(batchSet, { code: 'PoolNotFound' }).toProblem('en', { typeBase: 'https://other.example.com/' }).type).toBe('https://other.example.com/PoolNotFound');
  });

  it('errorResponse: problem+json and its own error-code header holding the code, problem asked for or not', () => {
    for (const problem of [false, true]) {
      const response = errorResponse(accountMissing(), { acceptLanguage: 'fr', problem });
      expect(response.headers).toEqual({ 'content-type': 'application/problem+json', 'content-language': 'fr', 'x-error-code': 'AccountNotFound' });
      expect(JSON.stringify(response.body)).toBe(BYTES.fr);
    }
  });

  it('the error-code header follows the set: the category for rest-guidelines, none when the set declares none', () => {
    expect(errorResponse(new CatalogError(restSet, { code: 'BlobNotFound', params: { blob: 'b', azureMessage: 'm' } }) as HttpCatalogError).headers['x-ms-error-code']).toBe('BadArgument');
    expect(Object.keys(errorResponse(new CatalogError(batchSet, { code: 'PoolNotFound' }) as HttpCatalogError).headers)).toEqual(['content-type', 'content-language']);
    const batchWithHeader = { ...batchSet, errorCodeHeader: 'x-batch-code' };
    expect(errorResponse(new CatalogError(batchWithHeader, { code: 'PoolNotFound' }) as HttpCatalogError).headers['x-batch-code']).toBe('PoolNotFound');
  });
});

const open: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

type Get = (path: string, sent?: Sent) => Promise<Received>;

async function expressApp(express: typeof express5, envelope: Envelope): Promise<Get> {
  const app = express();
  app.post('/body', express.json(), (req, res) => {
    res.json(req.body);
  });
  app.get(
    '/account',
    catchErrors(() => {
      throw accountMissing();
    }),
  );
  app.get(
    '/crash',
    catchErrors(() => {
      throw new Error('secret');
    }),
  );
  app.use(notFoundHandler(problemSet, { envelope }));
  app.use(errorHandler(problemSet, { envelope }));
  const { base, close } = await listen(createServer(app));
  open.push(close);
  return (path, sent) => request(base, path, sent);
}

async function fastifyApp(envelope: Envelope): Promise<Get> {
  const schemas = { body: ledgerSchema, problem: ledgerSchema };
  const app = Fastify({ logger: false, frameworkErrors: frameworkErrorsHandler(problemSet, schemas, { envelope }) });
  app.register(errorPlugin(problemSet, schemas, { name: 'test-ledger' }), { envelope });
  app.register(async (routes) => {
    routes.get('/account', async () => {
      throw accountMissing();
    });
    routes.get('/crash', async () => {
      throw new Error('secret');
    });
    routes.post(
      '/body',
      { schema: { body: { type: 'object', required: ['amount'], properties: { amount: { type: 'integer' }, lines: { type: 'array', items: { type: 'object', required: ['name'] } } } } } },
      async (req) => req.body,
    );
    routes.get('/query', { schema: { querystring: { type: 'object', properties: { limit: { type: 'integer', maximum: 100 } } } } }, async () => ({}));
  });
  await app.ready();
  const { base, close } = await listen(app.server);
  open.push(async () => {
    await close();
    await app.close();
  });
  return (path, sent) => request(base, path, sent);
}

const SERVERS: ReadonlyArray<readonly [string, (envelope: Envelope) => Promise<Get>]> = [
  ['Express 5', (envelope) => expressApp(express5, envelope)],
  ['Express 4', (envelope) => expressApp(express4 as unknown as typeof express5, envelope)],
  ['Fastify', fastifyApp],
];

const ACCEPTS = [undefined, 'application/json', 'application/problem+json', 'application/json, application/problem+json;q=0.1', '*/*'];

describe.each(SERVERS)('%s serving a problem-details service', (_name, serve) => {
  describe.each(['native', 'problem'] as const)('envelope %s', (envelope) => {
    it.each(ACCEPTS)('Accept %j: the same body, status and headers', async (accept) => {
      const get = await serve(envelope);
      const response = await get('/account', { headers: { 'accept-language': 'fr-CA', ...(accept === undefined ? {} : { accept }) } });
      expect(response.status).toBe(404);
      expect(response.text).toBe(BYTES.fr);
      expect(response.headers['content-type']).toBe('application/problem+json');
      expect(response.headers['content-language']).toBe('fr');
      expect(response.headers['x-error-code']).toBe('AccountNotFound');
      expect(response.headers['x-ms-error-code']).toBeUndefined();
      // Accept changes nothing, so responses do not vary by it.
      expect(response.headers.vary).toBe('Accept-Language');
    });
  });

  it('answers anything else with the internal error, nothing leaked', async () => {
    const response = await (await serve('native'))('/crash');
    expect(response.status).toBe(500);
    expect(response.text).toBe(BYTES.internal);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.headers['x-error-code']).toBe('InternalError');
  });

  it('answers an unknown route with the notFound code', async () => {
    const response = await (await serve('native'))('/nowhere');
    expect(response.status).toBe(404);
    expect(response.text).toBe(BYTES.notFound);
    expect(response.headers['x-error-code']).toBe('NoSuchRoute');
  });

  it('answers malformed JSON with the malformedBody code', async () => {
    const response = await (await serve('native'))('/body', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"amount":' });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.text).toBe(BYTES.malformed);
  });
});

describe('Fastify validation failures of a problem-details service', () => {
  it('list each failing part of the body in errors[], with a JSON Pointer', async () => {
    const get = await fastifyApp('native');
    const response = await get('/body', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"amount":1,"lines":[{}]}' });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.text).toBe(
      '{"type":"https://errors.example.com/ledger/InvalidRequest","title":"Bad Request","status":400,"detail":"The request is not valid.","code":"InvalidRequest","errors":[{"detail":"must have required property \'name\'","pointer":"#/lines/0/name"}]}',
    );
  });

  it('name the query parameter that failed', async () => {
    const get = await fastifyApp('native');
    const response = await get('/query?limit=500');
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      type: 'https://errors.example.com/ledger/InvalidRequest',
      title: 'Bad Request',
      status: 400,
      detail: 'The request is not valid.',
      code: 'InvalidRequest',
      errors: [{ detail: 'must be <= 100', name: 'limit' }],
    });
  });
});
