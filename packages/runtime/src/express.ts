// Express adapter (Express 4 and 5): an error-handling middleware and a
// not-found handler bound to one catalog. Typed against Node's own request
// and response, so the same handlers fit either major's typings; nothing
// here imports Express.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorSet } from './catalog.js';
import { createErrorAnswerer, varyHeader, type ErrorAnswer, type ErrorAnswerer, type ErrorAnswerOptions, type FailureMatch } from './error-answers.js';

export type { Envelope, ErrorAnswerOptions, ErrorContext } from './error-answers.js';

/** Options of the Express handlers; `Request` is what `onError` and `mapError` receive. */
export type ExpressErrorOptions<Request extends IncomingMessage = IncomingMessage, Locale extends string = string> = ErrorAnswerOptions<Request, Locale>;

export type NextFunction = (error?: unknown) => void;

/** An Express error-handling middleware (four parameters, as Express requires). */
export type ExpressErrorHandler<Request extends IncomingMessage = IncomingMessage> = (error: unknown, request: Request, response: ServerResponse, next: NextFunction) => void;

export type ExpressRequestHandler<Request extends IncomingMessage = IncomingMessage> = (request: Request, response: ServerResponse, next: NextFunction) => void;

/** body-parser's error `type`s, by the failure the spec assigns them. */
const BODY_PARSER_FAILURES: Readonly<Record<string, FailureMatch['kind']>> = {
  'entity.parse.failed': 'malformedBody',
  'entity.too.large': 'bodyTooLarge',
  'parameters.too.many': 'bodyTooLarge',
  'querystring.parse.rangeError': 'malformedBody',
  'request.size.invalid': 'malformedBody',
  'request.aborted': 'malformedBody',
  'encoding.unsupported': 'malformedBody',
  'charset.unsupported': 'malformedBody',
};

/**
 * Recognises body-parser's (`express.json()`, `express.urlencoded()`…)
 * client errors, and a route param that cannot be percent-decoded (the URI
 * names no resource).
 */
export function classifyExpressError(thrown: unknown): FailureMatch | undefined {
  if (!(thrown instanceof Error)) return undefined;
  const { type, status } = thrown as Error & { type?: unknown; status?: unknown };
  if (thrown instanceof URIError && status === 400) return { kind: 'notFound' };
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status > 499) return undefined;
  const kind = Object.hasOwn(BODY_PARSER_FAILURES, type) ? BODY_PARSER_FAILURES[type] : undefined;
  return kind === undefined ? undefined : { kind };
}

/**
 * An error-handling middleware that answers every error with the catalog's
 * wire format, in the client's language. Register it after every route:
 * `app.use(errorHandler(set, options))`. When the headers were already
 * sent it hands the error to Express, which closes the connection.
 */
export function errorHandler<Request extends IncomingMessage = IncomingMessage>(set: ErrorSet, options: ExpressErrorOptions<Request> = {}): ExpressErrorHandler<Request> {
  const answerer = createErrorAnswerer<Request>(set, options, classifyExpressError);
  return function errcatErrorHandler(error, request, response, next) {
    const thrown = unwrap(error);
    if (response.headersSent) {
      answerer.report(thrown, request);
      next(error);
      return;
    }
    send(response, answerer.answer(thrown, request, request.headers), answerer);
  };
}

/** Answers requests no route matched with the spec's `notFound` code. Register it after every route, before the error handler. */
export function notFoundHandler<Request extends IncomingMessage = IncomingMessage>(set: ErrorSet, options: ExpressErrorOptions<Request> = {}): ExpressRequestHandler<Request> {
  const answerer = createErrorAnswerer<Request>(set, options, classifyExpressError);
  return function errcatNotFoundHandler(request, response, next) {
    if (response.headersSent) {
      next();
      return;
    }
    send(response, answerer.notFound(request, request.headers), answerer);
  };
}

/**
 * A thrown value Express would otherwise take for "no error": `next(null)`
 * and `next(undefined)` mean "carry on", so `throw null` in a route would
 * end in the not-found handler. `catchErrors` carries such values to the
 * error handler in this wrapper; the handler unwraps it.
 */
class ThrownValue {
  constructor(readonly value: unknown) {}
}

function unwrap(error: unknown): unknown {
  try {
    return error instanceof ThrownValue ? error.value : error;
  } catch {
    // A Proxy whose traps throw is answered like any other non-catalog value.
    return error;
  }
}

/**
 * Wraps a route handler so that whatever it throws or rejects with reaches
 * the error handler: needed for async handlers on Express 4, and for
 * `throw null` / `throw undefined` on both majors.
 */
// Unannotated handlers get `any` for the request and response (as in Express
// apps without a typed router); annotated ones keep their types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function catchErrors<Request extends IncomingMessage = any, Response extends ServerResponse = any>(
  handler: (request: Request, response: Response, next: NextFunction) => unknown,
): (request: Request, response: Response, next: NextFunction) => void {
  return function caught(request, response, next) {
    const forward = (thrown: unknown) => next(thrown ? thrown : new ThrownValue(thrown));
    try {
      const result = handler(request, response, next);
      if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') {
        (result as PromiseLike<unknown>).then(undefined, forward);
      }
    } catch (thrown) {
      forward(thrown);
    }
  };
}

/** Headers that describe a representation the route meant to send, not the error. */
const STALE_HEADERS = ['content-disposition', 'content-encoding', 'content-range', 'etag', 'last-modified'];

/**
 * Writes the answer with Node's own response methods: Express's `res.json`
 * would hash the body for an ETag, which an error response has no use for.
 * Headers set earlier (CORS, request ids) stay.
 */
function send(response: ServerResponse, answer: ErrorAnswer, vary: Pick<ErrorAnswerer<unknown>, 'vary' | 'varyValue'>): void {
  try {
    response.statusCode = answer.status;
    for (const name of STALE_HEADERS) if (response.hasHeader(name)) response.removeHeader(name);
    for (const name in answer.headers) response.setHeader(name, answer.headers[name]!);
    if (vary.vary.length > 0) {
      const existing = response.getHeader('vary');
      response.setHeader('vary', existing === undefined ? vary.varyValue : varyHeader(existing, vary.vary));
    }
    if (answer.body === undefined) {
      response.removeHeader('content-length');
      response.end();
      return;
    }
    const payload = JSON.stringify(answer.body);
    response.setHeader('content-length', Buffer.byteLength(payload));
    response.end(payload);
  } catch {
    // Only a broken socket gets here; nothing more can be said to the client.
    response.destroy();
  }
}
