// A Fastify 5 API for both services of the catalog: Azure Batch at the root
// and under /batch, Azure Machine Learning Studio (classic) web services
// under /studio, each in its own encapsulated context with its own plugin.

import Fastify, { type FastifyInstance } from 'fastify';
import { BatchError, BatchErrorCode, BatchSchedulingError, MlStudioCategory, MlStudioError, MlStudioErrorCode, type BatchErrorInit, type BatchSchedulingErrorInit, type MlStudioErrorInit } from '@azure-errors/codes';
import { batchErrors, batchFrameworkErrors, mlStudioErrors, type ErrorContext } from '@azure-errors/fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';

export interface AppOptions {
  /** Where errors that are not catalog errors are logged. */
  readonly onError?: (error: unknown, context: ErrorContext<FastifyRequest>) => void;
  readonly envelope?: 'native' | 'problem';
  /** What `/studio/hostile/:index`, `/batch/hostile/:index` and `/problem/hostile/:index` throw (the shared corpus). */
  readonly hostile?: ReadonlyArray<() => unknown>;
}

/** Thrown by `/studio/mapped/:to`; the ML Studio `mapError` answers it with an error of `to`'s service. */
export class MappedError extends Error {
  constructor(readonly to: string) {
    super(`secret: mapped to ${to}`);
  }
}

/** The ML Studio `mapError`, as plain JavaScript could write it: a `BatchError` returned for an ML Studio app is no answer of ML Studio. */
function mapStudioError(error: unknown): MlStudioError | undefined {
  if (!(error instanceof MappedError)) return undefined;
  if (error.to === 'batch') return new BatchError({ code: BatchErrorCode.PoolNotFound }) as unknown as MlStudioError;
  return new MlStudioError({ category: MlStudioCategory.Unauthorized, code: MlStudioErrorCode.ScoreRequestUnauthorized });
}

/** Routes every context shares: the hostile corpus, another service's error, a route whose caching headers must not survive. */
function hardeningRoutes(router: FastifyInstance, hostile: ReadonlyArray<() => unknown>, foreign: () => unknown, missing: () => unknown): void {
  router.get<{ Params: { index: string } }>('/hostile/:index', async (request) => {
    throw hostile[Number(request.params.index)]?.();
  });
  router.get('/foreign', async () => {
    throw foreign();
  });
  router.get('/cached', async (_request, reply: FastifyReply) => {
    reply.header('cache-control', 'public, max-age=3600').header('etag', '"cached"');
    throw missing();
  });
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
  const hostile = options.hostile ?? [];
  await app.register(batchErrors, options);
  await app.register(
    async (batchApp) => {
      await batchApp.register(batch);
      hardeningRoutes(batchApp, hostile, () => new MlStudioError({ category: MlStudioCategory.NotFound }), () => new BatchError({ code: BatchErrorCode.PoolNotFound }));
    },
    { prefix: '/batch' },
  );
  await app.register(
    async (studioApp) => {
      await studioApp.register(mlStudioErrors, { ...options, problemInstance: 'path', mapError: mapStudioError });
      await studioApp.register(studio);
      hardeningRoutes(studioApp, hostile, () => new BatchError({ code: BatchErrorCode.PoolNotFound }), () => new MlStudioError({ category: MlStudioCategory.NotFound, code: MlStudioErrorCode.WebServiceNotFound }));
      studioApp.get<{ Params: { to: string } }>('/mapped/:to', async (request) => {
        throw new MappedError(request.params.to);
      });
    },
    { prefix: '/studio' },
  );
  // Batch answered with problem details only: the plugin's options are the one place for both handlers.
  await app.register(
    async (problemApp) => {
      await problemApp.register(batchErrors, { ...options, envelope: 'problem', problemInstance: 'path' });
      problemApp.get<{ Params: { code: string } }>('/errors/:code', async (request) => {
        throw new BatchError({ code: request.params.code } as BatchErrorInit);
      });
      hardeningRoutes(problemApp, hostile, () => new MlStudioError({ category: MlStudioCategory.NotFound }), () => new BatchError({ code: BatchErrorCode.PoolNotFound }));
    },
    { prefix: '/problem' },
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
  // A reply stream that fails after its headers went out: Fastify only logs it; onError must hear of it.
  router.get('/stream-fails', async (_request, reply) => {
    let sent = false;
    const stream = new Readable({
      read() {
        if (sent) return;
        sent = true;
        this.push('id,score\n');
        setTimeout(() => this.destroy(new Error('secret: storage lost mid-stream')), 20);
      },
    });
    return reply.type('text/csv').send(stream);
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
  // A job whose scheduling failed: the error is reported inside the resource, not as the response.
  router.get<{ Params: { category: string; code: string } }>('/jobs/failed/:category/:code', async (request) => {
    const error = new BatchSchedulingError({ category: request.params.category, code: request.params.code } as BatchSchedulingErrorInit);
    return { id: 'job-1', state: 'completed', executionInfo: { schedulingError: error.toBody() } };
  });
  router.get<{ Params: { kind: string } }>('/crash/:kind', async (request) => {
    throw CRASHES[request.params.kind]?.();
  });
}
