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
  return errorHandlerFor(expressAnswerer(set, options));
}

/** Both handlers of one service, configured once. */
export interface ExpressHandlers<Request extends IncomingMessage = IncomingMessage> {
  /** Register after every route: `app.use(handlers.notFoundHandler)`. */
  readonly notFoundHandler: ExpressRequestHandler<Request>;
  /** Register last: `app.use(handlers.errorHandler)`. */
  readonly errorHandler: ExpressErrorHandler<Request>;
}

/**
 * The not-found handler and the error handler of `set` from one set of
 * options, so that both answer alike (`envelope`, `onError`,
 * `problemInstance`…): `const errors = handlers(set, options);
 * app.use(errors.notFoundHandler); app.use(errors.errorHandler)`.
 */
export function handlers<Request extends IncomingMessage = IncomingMessage>(set: ErrorSet, options: ExpressErrorOptions<Request> = {}): ExpressHandlers<Request> {
  const answerer = expressAnswerer(set, options);
  return Object.freeze({ notFoundHandler: notFoundHandlerFor(answerer), errorHandler: errorHandlerFor(answerer) });
}

function expressAnswerer<Request extends IncomingMessage>(set: ErrorSet, options: ExpressErrorOptions<Request>): ErrorAnswerer<Request> {
  return createErrorAnswerer<Request>(set, options, classifyExpressError, requestPath);
}

/** The path the client asked for: Express's `originalUrl` (the mount path included), else Node's `url`. */
function requestPath(request: IncomingMessage): string | undefined {
  const original = (request as IncomingMessage & { originalUrl?: unknown }).originalUrl;
  return typeof original === 'string' ? original : request.url;
}

function errorHandlerFor<Request extends IncomingMessage>(answerer: ErrorAnswerer<Request>): ExpressErrorHandler<Request> {
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
  return notFoundHandlerFor(expressAnswerer(set, options));
}

function notFoundHandlerFor<Request extends IncomingMessage>(answerer: ErrorAnswerer<Request>): ExpressRequestHandler<Request> {
  const handler: ExpressRequestHandler<Request> = function errcatNotFoundHandler(request, response, next) {
    // `OPTIONS` on a path a route serves is Express's to answer (`Allow`), which CORS preflights rely on.
    if (response.headersSent || (request.method === 'OPTIONS' && expressAnswersOptions(request, handler))) {
      next();
      return;
    }
    send(response, answerer.notFound(request, request.headers), answerer);
  };
  return handler;
}

interface ExpressLayer {
  readonly handle?: { readonly stack?: unknown } | null;
  readonly route?: ExpressRoute | null;
  /** `true` (Express 4) or the match (Express 5's `router`) when the layer matches; falsy otherwise. */
  match?(path: string): unknown;
}

interface ExpressRoute {
  /** Express 4. */
  _options?(): string[];
  _handles_method?(method: string): boolean;
  /** Express 5 (`router` 2). */
  _methods?(): string[];
  _handlesMethod?(method: string): boolean;
}

/** How deep routers are searched for the not-found handler. */
const ROUTER_DEPTH = 16;

/**
 * Whether Express will answer this `OPTIONS` request itself, with the
 * `Allow` of the routes before `handler` in its router that match the path
 * (as Express's router does when nothing else answers). Reads the router's
 * stack, which Express 4 and 5 both keep; when it cannot be read the
 * request is answered as not found, as before.
 */
function expressAnswersOptions(request: IncomingMessage, handler: unknown): boolean {
  try {
    const app = (request as IncomingMessage & { app?: { _router?: unknown; router?: unknown } }).app;
    if (!app) return false;
    const router = (app._router ?? app.router) as { stack?: unknown } | undefined;
    const stack = stackHolding(router?.stack, handler, 0);
    if (!stack) return false;
    const path = (request.url ?? '/').replace(/[?#].*$/s, '');
    for (const layer of stack) {
      if (layer.handle === handler) break;
      const route = layer.route;
      if (!route || typeof layer.match !== 'function') continue;
      const handles = route._handles_method?.('OPTIONS') ?? route._handlesMethod?.('OPTIONS') ?? true;
      if (handles) continue;
      const methods = route._options?.() ?? route._methods?.() ?? [];
      if (methods.length > 0 && matches(layer, path)) return true;
    }
    return false;
  } catch {
    return false;
  }
}

function matches(layer: ExpressLayer, path: string): boolean {
  try {
    return Boolean(layer.match!(path));
  } catch {
    // A path Express cannot decode matches no route.
    return false;
  }
}

/** The router stack (the app's or a nested router's) that holds `handler`. */
function stackHolding(stack: unknown, handler: unknown, depth: number): ExpressLayer[] | undefined {
  if (!Array.isArray(stack) || depth > ROUTER_DEPTH) return undefined;
  const layers = stack as ExpressLayer[];
  if (layers.some((layer) => layer?.handle === handler)) return layers;
  for (const layer of layers) {
    const found = stackHolding(layer?.handle?.stack, handler, depth + 1);
    if (found) return found;
  }
  return undefined;
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
