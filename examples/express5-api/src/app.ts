// An Express 5 API for both services of the catalog: Azure Machine Learning
// Studio (classic) web services under /studio, Azure Batch under /batch. Each
// router answers its errors with its own service's wire format.

import express, { type Request, type Router } from 'express';
import { BatchError, BatchErrorCode, BatchSchedulingError, MlStudioCategory, MlStudioError, MlStudioErrorCode, type BatchErrorInit, type BatchSchedulingErrorInit, type MlStudioErrorInit } from '@azure-errors/codes';
import { batchErrorHandler, batchErrors, batchNotFoundHandler, catchErrors, mlStudioErrors, type ErrorContext } from '@azure-errors/express';

export interface AppOptions {
  /** Where errors that are not catalog errors are logged. */
  readonly onError?: (error: unknown, context: ErrorContext<Request>) => void;
  readonly exposeDetails?: boolean;
  /** What `/studio/hostile/:index`, `/batch/hostile/:index` and `/problem/hostile/:index` throw (the suite's corpus). */
  readonly hostile?: ReadonlyArray<() => unknown>;
}

/** Thrown by `/studio/mapped/:to`; the ML Studio `mapError` answers it with an error of `to`'s service. */
export class MappedError extends Error {
  constructor(readonly to: string) {
    super(`secret: mapped to ${to}`);
  }
}

/**
 * The ML Studio `mapError`, as plain JavaScript could write it: a
 * `BatchError` returned for an ML Studio app is no answer of ML Studio.
 */
function mapStudioError(error: unknown): MlStudioError | undefined {
  if (!(error instanceof MappedError)) return undefined;
  if (error.to === 'batch') return new BatchError({ code: BatchErrorCode.PoolNotFound }) as unknown as MlStudioError;
  return new MlStudioError({ category: MlStudioCategory.Unauthorized, code: MlStudioErrorCode.ScoreRequestUnauthorized });
}

/** Routes both services' routers share: the hostile corpus, another service's error, a route whose caching headers must not survive. */
function hardeningRoutes(router: Router, options: AppOptions, foreign: () => unknown, missing: () => unknown): void {
  router.get(
    '/hostile/:index',
    catchErrors((request: Request) => {
      throw options.hostile?.[Number(request.params.index)]?.();
    }),
  );
  router.get('/foreign', () => {
    throw foreign();
  });
  router.get('/cached', (_request, response) => {
    response.setHeader('cache-control', 'public, max-age=3600');
    response.setHeader('etag', '"cached"');
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

export function createApp(options: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use('/studio', studio(options));
  app.use('/batch', batch(options));
  app.use('/problem', problem(options));
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

  hardeningRoutes(
    router,
    options,
    () => new BatchError({ code: BatchErrorCode.PoolNotFound }),
    () => new MlStudioError({ category: MlStudioCategory.NotFound, code: MlStudioErrorCode.WebServiceNotFound }),
  );
  router.get('/mapped/:to', (request) => {
    throw new MappedError(String(request.params.to));
  });

  // One binding configures both handlers.
  const errors = mlStudioErrors({ ...options, problemInstance: 'path', mapError: mapStudioError });
  router.use(errors.notFoundHandler);
  router.use(errors.errorHandler);
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
  // A job whose scheduling failed: the error is reported inside the resource, not as the response.
  router.get('/jobs/failed/:category/:code', (request, response) => {
    const error = new BatchSchedulingError({ category: request.params.category, code: request.params.code } as BatchSchedulingErrorInit);
    response.json({ id: 'job-1', state: 'completed', executionInfo: { schedulingError: error.toBody() } });
  });
  router.get(
    '/crash/:kind',
    catchErrors((request: Request) => {
      throw CRASHES[String(request.params.kind)]?.();
    }),
  );

  hardeningRoutes(
    router,
    options,
    () => new MlStudioError({ category: MlStudioCategory.NotFound, code: MlStudioErrorCode.WebServiceNotFound }),
    () => new BatchError({ code: BatchErrorCode.PoolNotFound }),
  );

  // The two handlers one at a time, as before.
  router.use(batchNotFoundHandler());
  router.use(batchErrorHandler(options));
  return router;
}

/** Batch answered with problem details only: `envelope` given once, for both handlers. */
function problem(options: AppOptions): Router {
  const router = express.Router();
  router.get('/errors/:code', (request) => {
    throw new BatchError({ code: request.params.code } as BatchErrorInit);
  });
  hardeningRoutes(
    router,
    options,
    () => new MlStudioError({ category: MlStudioCategory.NotFound }),
    () => new BatchError({ code: BatchErrorCode.PoolNotFound }),
  );
  const errors = batchErrors({ ...options, envelope: 'problem', problemInstance: 'path' });
  router.use(errors.notFoundHandler);
  router.use(errors.errorHandler);
  return router;
}
