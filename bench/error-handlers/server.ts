// One server variant in its own process, so that its CPU time is measured
// apart from the load generator's. Started by load.ts with
// `<framework> <variant>`; reports its port, then its CPU usage on request.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import Fastify from 'fastify';
import { MlStudioCategory, MlStudioError, MlStudioErrorCode } from '@azure-errors/codes';
import { mlStudioErrorHandler, mlStudioNotFoundHandler } from '@azure-errors/express';
import { mlStudioErrors } from '@azure-errors/fastify';
import { HAND_WRITTEN } from './answers.js';

/** What a route throws: a catalog error, or an internal failure. */
const THROWS = {
  catalog: () => new MlStudioError({ category: MlStudioCategory.Unauthorized, code: MlStudioErrorCode.ScoreRequestUnauthorized }),
  internal: () => new Error('connection refused'),
};


type Scenario = keyof typeof THROWS;

const ERROR_BODY_SCHEMA = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
};

const [framework, variant, scenarioArg] = process.argv.slice(2) as ['express' | 'fastify', 'direct' | 'floor' | 'floor-schema' | 'errcat', Scenario];
const scenario: Scenario = scenarioArg ?? 'catalog';
const answer = HAND_WRITTEN[scenario];
const throwing = THROWS[scenario];

async function start(): Promise<number> {
  if (framework === 'express') {
    const app = express();
    app.disable('x-powered-by');
    if (variant === 'direct') {
      app.get('/e', (_request, response) => {
        response.status(answer.status).set(answer.headers).json(answer.body);
      });
    } else {
      app.get('/e', () => {
        throw throwing();
      });
    }
    if (variant === 'floor') {
      app.use((_error: unknown, _request: Request, response: Response, _next: NextFunction) => {
        response.status(answer.status).set(answer.headers).json(answer.body);
      });
    }
    if (variant === 'errcat') {
      app.use(mlStudioNotFoundHandler());
      app.use(mlStudioErrorHandler());
    }
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }
  const app = Fastify({ logger: false });
  if (variant === 'errcat') await app.register(mlStudioErrors);
  if (variant === 'floor' || variant === 'floor-schema') {
    app.setErrorHandler((_error, _request, reply) => {
      reply.code(answer.status).headers(answer.headers).send(answer.body);
    });
  }
  if (variant === 'direct') {
    app.get('/e', (_request, reply) => {
      reply.code(answer.status).headers(answer.headers).send(answer.body);
    });
  } else {
    // A hand-written app that declares its error body as a response schema, so Fastify serializes it with fast-json-stringify.
    const schema = variant === 'floor-schema' ? { response: { [answer.status]: ERROR_BODY_SCHEMA } } : undefined;
    app.get('/e', { schema }, () => {
      throw throwing();
    });
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

const port = await start();
if (process.send) {
  process.on('message', (message) => {
    if (message === 'cpu') process.send!({ cpu: process.cpuUsage() });
  });
  process.send({ port });
} else {
  // Run by hand (e.g. under --cpu-prof): say where, and exit cleanly on Ctrl-C.
  console.log(`listening on http://127.0.0.1:${port}/e`);
  process.on('SIGINT', () => process.exit(0));
}
