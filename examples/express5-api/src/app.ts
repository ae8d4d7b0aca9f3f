// An Express 5 API for both services of the catalog: Azure Machine Learning
// Studio (classic) web services under /studio, Azure Batch under /batch. Each
// router answers its errors with its own service's wire format.

import express, { type Request, type Router } from 'express';
import { BatchError, BatchErrorCode, MlStudioCategory, MlStudioError, MlStudioErrorCode, type BatchErrorInit, type MlStudioErrorInit } from '@azure-errors/codes';
import { batchErrorHandler, batchNotFoundHandler, catchErrors, mlStudioErrorHandler, mlStudioNotFoundHandler, type ErrorContext } from '@azure-errors/express';

export interface AppOptions {
  /** Where errors that are not catalog errors are logged. */
  readonly onError?: (error: unknown, context: ErrorContext<Request>) => void;
  readonly exposeDetails?: boolean;
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

export function createApp(options: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use('/studio', studio(options));
  app.use('/batch', batch(options));
  app.use(batchNotFoundHandler());
  app.use(batchErrorHandler(options));
  return app;
}

function studio(options: AppOptions): Router {
  const router = express.Router();
  router.use(express.json());

  router.post('/services/:serviceId/score', async (request, response) => {
    if (!SERVICES.has(request.params.serviceId)) {
      throw new MlStudioError({ category: MlStudioCategory.NotFound, code: MlStudioErrorCode.WebServiceNotFound });
    }
    const inputs: unknown = request.body?.Inputs;
    if (inputs === undefined) throw new MlStudioError({ code: MlStudioErrorCode.MissingRequestInput, target: 'Inputs' });
    await Promise.resolve();
    response.json({ Results: { output1: { type: 'table', value: { Values: [['0.82']] } } } });
  });

  // Diagnostics: answers with any code of the catalog exactly as a client receives it.
  router.get('/errors/:category/:code', (request) => {
    throw new MlStudioError({ category: request.params.category, code: request.params.code, params: { ...request.query } } as MlStudioErrorInit);
  });
  router.get('/errors/:category', (request) => {
    throw new MlStudioError({ category: request.params.category } as MlStudioErrorInit);
  });

  router.get(
    '/crash/:kind',
    catchErrors((request: Request) => {
      throw CRASHES[String(request.params.kind)]?.();
    }),
  );
  router.get('/crash-async/:kind', async (request) => {
    await Promise.resolve();
    throw CRASHES[request.params.kind]?.();
  });
  router.get('/stream', (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/csv' });
    response.write('id,score\n');
    throw new Error('secret: backend lost mid-stream');
  });

  router.use(mlStudioNotFoundHandler());
  router.use(mlStudioErrorHandler(options));
  return router;
}

function batch(options: AppOptions): Router {
  const router = express.Router();
  router.use(express.json());

  router.get('/pools/:poolId', (request, response) => {
    const pool = POOLS.get(request.params.poolId);
    if (!pool) throw new BatchError({ code: BatchErrorCode.PoolNotFound });
    if (request.get('if-none-match') === pool.etag) throw new BatchError({ code: BatchErrorCode.ConditionNotMet, variant: 'read' });
    response.set('etag', pool.etag).json(pool);
  });
  router.put('/pools/:poolId', (request, response) => {
    const pool = POOLS.get(request.params.poolId);
    if (!pool) throw new BatchError({ code: BatchErrorCode.PoolNotFound });
    if (request.get('if-match') !== undefined && request.get('if-match') !== pool.etag) {
      throw new BatchError({ code: BatchErrorCode.ConditionNotMet, variant: 'write' });
    }
    response.json(pool);
  });
  router.post('/pools', (request, response) => {
    const id: unknown = request.body?.id;
    if (typeof id !== 'string') throw new BatchError({ code: BatchErrorCode.MissingRequiredProperty, values: [{ key: 'PropertyName', value: 'id' }] });
    response.status(201).json({ id });
  });

  router.get('/errors/:code', (request) => {
    throw new BatchError({ code: request.params.code, variant: request.query.variant } as BatchErrorInit);
  });
  router.get(
    '/crash/:kind',
    catchErrors((request: Request) => {
      throw CRASHES[String(request.params.kind)]?.();
    }),
  );

  router.use(batchNotFoundHandler());
  router.use(batchErrorHandler(options));
  return router;
}
