// The error handlers alone, with no HTTP: Fastify's error handler called with
// a stub reply that records headers and serializes what it is sent. Stable
// where the load runs are noisy, and it shows how much of a request the
// handler itself can account for.

import { MlStudioCategory, MlStudioError, MlStudioErrorCode } from '@azure-errors/codes';
import { mlStudioErrors } from '@azure-errors/fastify';
import { HAND_WRITTEN } from './answers.js';

type Handler = (error: unknown, request: unknown, reply: StubReply) => void;

class StubReply {
  private readonly fields: Record<string, unknown> = {};
  private serialize: ((payload: unknown) => string) | null = null;
  bytes = 0;
  readonly sent = false;
  readonly raw = { headersSent: false };
  code(_status: number): this {
    return this;
  }
  header(name: string, value: unknown): this {
    this.fields[name.toLowerCase()] = value;
    return this;
  }
  headers(values: Record<string, unknown>): this {
    for (const name of Object.keys(values)) this.header(name, values[name]);
    return this;
  }
  getHeader(name: string): unknown {
    return this.fields[name.toLowerCase()];
  }
  hasHeader(name: string): boolean {
    return this.fields[name.toLowerCase()] !== undefined;
  }
  removeHeader(name: string): this {
    delete this.fields[name.toLowerCase()];
    return this;
  }
  serializer(fn: (payload: unknown) => string): this {
    this.serialize = fn;
    return this;
  }
  send(payload: unknown): this {
    this.bytes += (this.serialize ? this.serialize(payload) : JSON.stringify(payload)).length;
    return this;
  }
}

function registered(): Handler {
  let handler: Handler | undefined;
  const fastify = { setErrorHandler: (fn: Handler) => (handler = fn), setNotFoundHandler: () => undefined };
  (mlStudioErrors as unknown as (instance: unknown, options: object, done: () => void) => void)(fastify, {}, () => undefined);
  return handler!;
}

/** Best of five rounds, in microseconds per call. */
function cost(run: () => void): number {
  for (let index = 0; index < 100_000; index++) run();
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    const calls = 200_000;
    const started = performance.now();
    for (let index = 0; index < calls; index++) run();
    best = Math.min(best, ((performance.now() - started) * 1000) / calls);
  }
  return best;
}

export function handlerCost(): void {
  const plugin = registered();
  const catalogError = new MlStudioError({ category: MlStudioCategory.Unauthorized, code: MlStudioErrorCode.ScoreRequestUnauthorized });
  const plainError = new Error('connection refused');
  const request = { headers: { 'accept-language': 'en-US,en;q=0.9', accept: 'application/json' } };
  const handWritten = (answer: (typeof HAND_WRITTEN)[keyof typeof HAND_WRITTEN]): Handler => (_error, _request, reply) => {
    reply.code(answer.status).headers(answer.headers).send(answer.body);
  };
  const rows = [
    ['hand-written handler (JSON.stringify), 401', cost(() => handWritten(HAND_WRITTEN.catalog)(catalogError, request, new StubReply()))],
    ['mlStudioErrors handler (fast-json-stringify), 401', cost(() => plugin(catalogError, request, new StubReply()))],
    ['hand-written handler (JSON.stringify), 500', cost(() => handWritten(HAND_WRITTEN.internal)(plainError, request, new StubReply()))],
    ['mlStudioErrors handler (fast-json-stringify), 500', cost(() => plugin(plainError, request, new StubReply()))],
    ['new MlStudioError (what the route does)', cost(() => new MlStudioError({ category: MlStudioCategory.Unauthorized, code: MlStudioErrorCode.ScoreRequestUnauthorized }))],
  ] as const;
  console.log('the handlers alone (stub reply, no I/O), best of 5 × 200,000 calls:');
  console.table(rows.map(([what, micros]) => ({ what, 'µs per call': micros.toFixed(2) })));
}
