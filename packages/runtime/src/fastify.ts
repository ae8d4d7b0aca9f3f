// Fastify adapter (Fastify 5): a plugin, wrapped with fastify-plugin so it
// applies to the app it is registered on, that sets the error handler and
// the not-found handler. Bodies are serialized by fast-json-stringify from
// the catalog's response schemas, compiled once when the plugin registers.

import fastJson from 'fast-json-stringify';
import type { FastifyInstance, FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorSet, FailureKind } from './catalog.js';
import type { ProblemDetailsError } from './envelopes.js';
import { createErrorAnswerer, varyHeader, type ErrorAnswer, type ErrorAnswerer, type ErrorAnswerOptions, type FailureMatch } from './error-answers.js';
import { serializationSchema, type JsonSchemaObject } from './serialization-schema.js';

export type { Envelope, ErrorAnswerOptions, ErrorContext } from './error-answers.js';
export { serializationSchema, type JsonSchemaObject } from './serialization-schema.js';

export interface FastifyErrorOptions<Locale extends string = string> extends ErrorAnswerOptions<FastifyRequest, Locale> {
  /** Also answer unknown routes with the spec's `notFound` code (default `true`). Set `false` when the app sets its own not-found handler. */
  readonly notFound?: boolean;
}

/** The JSON Schemas of a service's body and of problem details (from the JSON Schema target). */
export interface ResponseSchemas {
  readonly body: JsonSchemaObject;
  readonly problem: JsonSchemaObject;
}

export interface PluginMeta {
  /** The plugin's name, shown in Fastify's errors and `printPlugins()`. */
  readonly name: string;
}

/** Fastify's own client errors, by the failure the spec assigns them. */
const FASTIFY_FAILURES: Readonly<Record<string, FailureKind>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformedBody',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformedBody',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'malformedBody',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformedBody',
  FST_ERR_CTP_BODY_TOO_LARGE: 'bodyTooLarge',
  FST_ERR_VALIDATION: 'validation',
};

interface ValidationIssue {
  readonly instancePath?: unknown;
  readonly message?: unknown;
  readonly params?: { readonly missingProperty?: unknown; readonly additionalProperty?: unknown; readonly propertyName?: unknown } | null;
}

/** Recognises Fastify's body-parsing and schema-validation errors; for validation, the failing property. */
export function classifyFastifyError(thrown: unknown): FailureMatch | undefined {
  if (!(thrown instanceof Error)) return undefined;
  const { code } = thrown as Error & { code?: unknown };
  if (typeof code !== 'string' || !Object.hasOwn(FASTIFY_FAILURES, code)) return undefined;
  const kind = FASTIFY_FAILURES[code]!;
  if (kind !== 'validation') return { kind };
  const { validation, validationContext } = thrown as Error & { validation?: unknown; validationContext?: unknown };
  const issues = Array.isArray(validation) ? (validation as unknown[]).filter((issue): issue is ValidationIssue => typeof issue === 'object' && issue !== null) : [];
  const context = typeof validationContext === 'string' ? validationContext : 'body';
  return { kind, property: failingProperty(issues[0], context), errors: issues.map((issue) => problemError(issue, context, thrown.message)) };
}

/** The path segments of an issue: its instance path and the property it names (missing, additional). */
function issueSegments(issue: ValidationIssue): string[] {
  const segments = typeof issue.instancePath === 'string' && issue.instancePath.startsWith('/') ? issue.instancePath.slice(1).split('/').map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~')) : [];
  const params = issue.params;
  const named = params && typeof params === 'object' ? [params.missingProperty, params.additionalProperty, params.propertyName].find((value) => typeof value === 'string') : undefined;
  if (typeof named === 'string') segments.push(named);
  return segments;
}

/** `/pool/tasks/0` + missing `id` → `pool.tasks[0].id`; the part validated (`body`, `querystring`…) when the part itself failed. */
function failingProperty(issue: ValidationIssue | undefined, context: string): string {
  const segments = issue ? issueSegments(issue) : [];
  if (segments.length === 0) return context;
  return segments.reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path === '' ? segment : `${path}.${segment}`), '');
}

/**
 * One `errors[]` entry: the validator's message (Ajv's, in English), and a
 * JSON Pointer fragment into the body (`#/pool/tasks/0/name`) or the name
 * of the query parameter, header or path parameter.
 */
function problemError(issue: ValidationIssue, context: string, fallback: string): ProblemDetailsError {
  const detail = typeof issue.message === 'string' ? issue.message : fallback;
  const segments = issueSegments(issue);
  if (context === 'body') return { detail, pointer: `#${segments.map((segment) => `/${encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'))}`).join('')}` };
  return segments.length === 0 ? { detail } : { detail, name: segments[0]! };
}

type Serializer = (body: unknown) => string;

const compiled = new WeakMap<JsonSchemaObject, Serializer>();

/** fast-json-stringify's function for a response schema, compiled once per schema object. */
function serializerFor(schema: JsonSchemaObject): Serializer {
  let serializer = compiled.get(schema);
  if (!serializer) {
    serializer = fastJson(serializationSchema(schema) as unknown as Parameters<typeof fastJson>[0]) as Serializer;
    compiled.set(schema, serializer);
  }
  return serializer;
}

/** Headers that describe a representation the route meant to send, not the error. */
const STALE_HEADERS = ['content-disposition', 'content-encoding', 'content-range', 'etag', 'last-modified'];

interface Serializers {
  readonly body: Serializer;
  readonly problem: Serializer;
}

function serializersFor(schemas: ResponseSchemas): Serializers {
  return { body: serializerFor(schemas.body), problem: serializerFor(schemas.problem) };
}

/** Status, headers, and the body through the response schema's serializer (Fastify's hooks still run). */
function send(reply: FastifyReply, answer: ErrorAnswer, serializers: Serializers, vary: Pick<ErrorAnswerer<unknown>, 'vary' | 'varyValue'>): void {
  reply.code(answer.status);
  for (const name of STALE_HEADERS) if (reply.hasHeader(name)) reply.removeHeader(name);
  for (const name in answer.headers) reply.header(name, answer.headers[name]);
  if (vary.vary.length > 0) {
    const existing = reply.getHeader('vary');
    reply.header('vary', existing === undefined ? vary.varyValue : varyHeader(existing, vary.vary));
  }
  if (answer.body === undefined) {
    reply.send();
    return;
  }
  reply.serializer(answer.detailed ? JSON.stringify : answer.problem ? serializers.problem : serializers.body).send(answer.body);
}

/**
 * A Fastify plugin answering every error and unknown route with `set`'s
 * codes: `app.register(plugin, options)`. Errors that arrive after the
 * headers were sent go on to Fastify's own handling.
 */
export function errorPlugin<Locale extends string = string>(set: ErrorSet, schemas: ResponseSchemas, meta: PluginMeta): FastifyPluginCallback<FastifyErrorOptions<Locale>> {
  function plugin(fastify: FastifyInstance, options: FastifyErrorOptions<Locale>, done: (error?: Error) => void): void {
    const answerer = createErrorAnswerer<FastifyRequest>(set, options, classifyFastifyError);
    const serializers = serializersFor(schemas);
    fastify.setErrorHandler(function errcatErrorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
      if (reply.sent || reply.raw.headersSent) {
        answerer.report(error, request);
        // The parent handler (Fastify's own) ends what can no longer be answered.
        throw error;
      }
      send(reply, answerer.answer(error, request, request.headers), serializers, answerer);
    });
    if (options.notFound !== false) {
      fastify.setNotFoundHandler(function errcatNotFoundHandler(request: FastifyRequest, reply: FastifyReply) {
        send(reply, answerer.notFound(request, request.headers), serializers, answerer);
      });
    }
    done();
  }
  return fp(plugin, { fastify: '5.x', name: meta.name });
}

/** What Fastify's `frameworkErrors` server option calls. */
export type FrameworkErrorsHandler = (error: Error, request: FastifyRequest, reply: FastifyReply) => void;

/**
 * For Fastify's `frameworkErrors` server option, which a plugin cannot set:
 * a URL that cannot be decoded (`FST_ERR_BAD_URL`) gets the `notFound` code
 * instead of Fastify's own body, which echoes the URL; anything else there
 * gets the internal error. `Fastify({ frameworkErrors: handler })`.
 */
export function frameworkErrorsHandler<Locale extends string = string>(set: ErrorSet, schemas: ResponseSchemas, options: ErrorAnswerOptions<FastifyRequest, Locale> = {}): FrameworkErrorsHandler {
  const answerer = createErrorAnswerer<FastifyRequest>(set, options, (thrown) => ((thrown as { code?: unknown } | null)?.code === 'FST_ERR_BAD_URL' ? { kind: 'notFound' } : undefined));
  const serializers = serializersFor(schemas);
  return function errcatFrameworkErrors(error, request, reply) {
    send(reply, answerer.answer(error, request, request.headers), serializers, answerer);
  };
}
