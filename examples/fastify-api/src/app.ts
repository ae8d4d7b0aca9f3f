// A Fastify 5 API for both services of the catalog: Azure Batch at the root
// and under /batch, Azure Machine Learning Studio (classic) web services
// under /studio, each in its own encapsulated context with its own plugin.

import Fastify, { type FastifyInstance } from 'fastify';
import { BatchError, BatchErrorCode, MlStudioCategory, MlStudioError, MlStudioErrorCode, type BatchErrorInit, type MlStudioErrorInit } from '@azure-errors/codes';
import { batchErrors, batchFrameworkErrors, mlStudioErrors, type ErrorContext } from '@azure-errors/fastify';
import type { FastifyRequest } from 'fastify';

export interface AppOptions {
  /** Where errors that are not catalog errors are logged. */
  readonly onError?: (error: unknown, context: ErrorContext<FastifyRequest>) => void;
  readonly envelope?: 'native' | 'problem';
}

/** Things a route may throw that are not catalog errors, by name (for `/crash/:kind`). */
export const CRASHES: Readonly<Record<string, () => unknown>> = {
  error: () => new Error('connection to db-7.internal refused (password hunter2)'),
  string: () => 'secret: cache key 7f3a',
  null: () => null,
  undefined: () => undefined,
  proto: () => JSON.parse('{"__proto__":{"status":200,"statusCode":200},"message":"secret proto","status":404}'),
};

const SERVICES = new Set(['forecast']);
const POOLS = new Map([['pool-1', { id: 'pool-1', etag: '"v1"', vmSize: 'standard_d2_v3' }]]);

export async function createApp(options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, frameworkErrors: batchFrameworkErrors(options) });
  await app.register(batchErrors, options);
  await app.register(batch, { prefix: '/batch' });
  await app.register(
    async (studioApp) => {
      await studioApp.register(mlStudioErrors, options);
      await studioApp.register(studio);
    },
    { prefix: '/studio' },
  );
  return app;
}

const SCORE_BODY = {
  type: 'object',
  required: ['Inputs'],
  properties: {
    Inputs: { type: 'object', required: ['input1'], properties: { input1: { type: 'array', items: { type: 'array', items: { type: 'string' } } } } },
    GlobalParameters: { type: 'object' },
  },
} as const;

async function studio(router: FastifyInstance): Promise<void> {
  router.post<{ Params: { serviceId: string } }>('/services/:serviceId/score', { schema: { body: SCORE_BODY } }, async (request) => {
    if (!SERVICES.has(request.params.serviceId)) throw new MlStudioError({ category: MlStudioCategory.NotFound, code: MlStudioErrorCode.WebServiceNotFound });
    await Promise.resolve();
    return { Results: { output1: { type: 'table', value: { Values: [['0.82']] } } } };
  });

  // Diagnostics: answers with any code of the catalog exactly as a client receives it.
  router.get<{ Params: { category: string; code: string }; Querystring: Record<string, string> }>('/errors/:category/:code', async (request) => {
    throw new MlStudioError({ category: request.params.category, code: request.params.code, params: { ...request.query } } as MlStudioErrorInit);
  });
  router.get<{ Params: { category: string } }>('/errors/:category', async (request) => {
    throw new MlStudioError({ category: request.params.category } as MlStudioErrorInit);
  });

  router.get<{ Params: { kind: string } }>('/crash/:kind', (request) => {
    throw CRASHES[request.params.kind]?.();
  });
  router.get<{ Params: { kind: string } }>('/crash-async/:kind', async (request) => {
    await Promise.resolve();
    throw CRASHES[request.params.kind]?.();
  });
  router.get('/stream', async (_request, reply) => {
    reply.raw.writeHead(200, { 'content-type': 'text/csv' });
    reply.raw.write('id,score\n');
    throw new Error('secret: backend lost mid-stream');
  });
}

async function batch(router: FastifyInstance): Promise<void> {
  router.get<{ Params: { poolId: string } }>('/pools/:poolId', async (request, reply) => {
    const pool = POOLS.get(request.params.poolId);
    if (!pool) throw new BatchError({ code: BatchErrorCode.PoolNotFound });
    if (request.headers['if-none-match'] === pool.etag) throw new BatchError({ code: BatchErrorCode.ConditionNotMet, variant: 'read' });
    reply.header('etag', pool.etag);
    return pool;
  });
  router.put<{ Params: { poolId: string } }>('/pools/:poolId', async (request) => {
    const pool = POOLS.get(request.params.poolId);
    if (!pool) throw new BatchError({ code: BatchErrorCode.PoolNotFound });
    const ifMatch = request.headers['if-match'];
    if (ifMatch !== undefined && ifMatch !== pool.etag) throw new BatchError({ code: BatchErrorCode.ConditionNotMet, variant: 'write' });
    return pool;
  });
  router.get('/pools', { schema: { querystring: { type: 'object', properties: { maxresults: { type: 'integer', minimum: 1, maximum: 1000 } } } } }, async () => ({ value: [...POOLS.values()] }));
  router.post(
    '/pools',
    {
      schema: {
        body: {
          type: 'object',
          required: ['id', 'vmSize'],
          properties: { id: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' }, vmSize: { type: 'string' }, startTask: { type: 'object', required: ['commandLine'], properties: { commandLine: { type: 'string' } } } },
        },
      },
    },
    async (request, reply) => reply.code(201).send(request.body),
  );

  router.get<{ Params: { code: string }; Querystring: { variant?: string } }>('/errors/:code', async (request) => {
    throw new BatchError({ code: request.params.code, variant: request.query.variant } as BatchErrorInit);
  });
  router.get<{ Params: { kind: string } }>('/crash/:kind', async (request) => {
    throw CRASHES[request.params.kind]?.();
  });
}
