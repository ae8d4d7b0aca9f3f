// A corpus of hostile values a route may throw, shared by the Express
// suites and the Fastify example. Each says what each service answers: the
// internal error (status 500, nothing of the value in the body), or a code
// of the catalog. The word "secret" marks what must never reach a client.

import { BatchError, BatchErrorCode, MlStudioCategory, MlStudioError, type MlStudioLocale } from '@azure-errors/codes';
import createError from 'http-errors';

/** What a service answers: its internal error, or this catalog error's status and body. */
export type Answer = 'internal' | (() => MlStudioError | BatchError);

/** Batch's internal-error body as it goes on the wire (Batch has one locale), byte for byte. */
export const INTERNAL_BATCH_BODY = '{"code":"InternalError","message":{"lang":"en-US","value":"The server encountered an internal error. Please retry the request."}}';

/** The status and exact body a service answers for an entry of the corpus, in `locale`. */
export function expectedAnswer(service: 'studio' | 'batch', answer: Answer, locale: MlStudioLocale): { status: number; text: string } {
  if (answer !== 'internal') return { status: answer().status as number, text: JSON.stringify(service === 'studio' ? (answer() as MlStudioError).toBody(locale) : answer().toBody()) };
  return { status: 500, text: service === 'studio' ? JSON.stringify(MlStudioError.failure('internal').toBody(locale)) : INTERNAL_BATCH_BODY };
}

export interface HostileThrow {
  readonly name: string;
  readonly make: () => unknown;
  readonly studio: Answer;
  readonly batch: Answer;
}

const throwing = (): never => {
  throw new Error('secret: a getter ran');
};

function hostileProxy(): unknown {
  return new Proxy(
    {},
    {
      get: throwing,
      getPrototypeOf: throwing,
      has: throwing,
      ownKeys: throwing,
      getOwnPropertyDescriptor: throwing,
      set: throwing,
      defineProperty: throwing,
      deleteProperty: throwing,
      isExtensible: throwing,
      preventExtensions: throwing,
      setPrototypeOf: throwing,
      apply: throwing,
      construct: throwing,
    },
  );
}

function cyclic(): unknown {
  const value: Record<string, unknown> = { message: 'secret cyclic', status: 401 };
  value.self = value;
  value.list = [value, { back: value }];
  return value;
}

/** `Object.create(prototype)` with the fields a real error has: no constructor made it. */
function forged(prototype: object, fields: Record<string, unknown>): unknown {
  return Object.assign(Object.create(prototype) as object, fields);
}

const unauthorized = () => new MlStudioError({ category: MlStudioCategory.Unauthorized });
const studioNotFound = () => new MlStudioError({ category: MlStudioCategory.NotFound });
const insufficient = () => new BatchError({ code: BatchErrorCode.InsufficientAccountPermissions });

export const HOSTILE_THROWS: readonly HostileThrow[] = [
  { name: 'an object whose status getter throws', make: () => Object.defineProperty(new Error('secret'), 'status', { get: throwing }), studio: 'internal', batch: 'internal' },
  { name: 'an object whose every getter throws', make: () => Object.defineProperties({}, { status: { get: throwing, enumerable: true }, message: { get: throwing, enumerable: true }, code: { get: throwing, enumerable: true } }), studio: 'internal', batch: 'internal' },
  { name: 'a Proxy whose every trap throws', make: hostileProxy, studio: 'internal', batch: 'internal' },
  { name: 'a frozen Error', make: () => Object.freeze(Object.assign(new Error('secret: frozen'), { code: 'ECONNREFUSED' })), studio: 'internal', batch: 'internal' },
  { name: 'an object whose toJSON throws', make: () => ({ message: 'secret', toJSON: throwing }), studio: 'internal', batch: 'internal' },
  { name: 'an object whose toString, valueOf and Symbol.toPrimitive throw', make: () => ({ toString: throwing, valueOf: throwing, [Symbol.toPrimitive]: throwing }), studio: 'internal', batch: 'internal' },
  { name: 'an Error whose message is an object whose toString throws', make: () => Object.defineProperty(new Error(), 'message', { value: { toString: throwing } }), studio: 'internal', batch: 'internal' },
  { name: 'a symbol', make: () => Symbol('secret'), studio: 'internal', batch: 'internal' },
  { name: 'a BigInt', make: () => 12345678901234567890n, studio: 'internal', batch: 'internal' },
  { name: 'a 4 MB string', make: () => `secret ${'x'.repeat(4 * 1024 * 1024)}`, studio: 'internal', batch: 'internal' },
  { name: 'an Error with a 4 MB message', make: () => new Error(`secret ${'x'.repeat(4 * 1024 * 1024)}`), studio: 'internal', batch: 'internal' },
  { name: 'a cyclic object with status 401', make: cyclic, studio: 'internal', batch: 'internal' },
  { name: 'an array', make: () => ['secret', { status: 401 }], studio: 'internal', batch: 'internal' },
  { name: 'a function with a status', make: () => Object.assign(() => 'secret', { status: 401, statusCode: 401 }), studio: 'internal', batch: 'internal' },
  { name: 'an Error with status 200', make: () => Object.assign(new Error('secret'), { status: 200, statusCode: 200 }), studio: 'internal', batch: 'internal' },
  { name: 'an Error with status NaN', make: () => Object.assign(new Error('secret'), { status: Number.NaN }), studio: 'internal', batch: 'internal' },
  { name: 'an Error with status "401"', make: () => Object.assign(new Error('secret'), { status: '401', statusCode: '401' }), studio: 'internal', batch: 'internal' },
  { name: 'an Error with status 401.5', make: () => Object.assign(new Error('secret'), { status: 401.5 }), studio: 'internal', batch: 'internal' },
  { name: 'an Error with status 4010', make: () => Object.assign(new Error('secret'), { status: 4010 }), studio: 'internal', batch: 'internal' },
  { name: 'a plain object with status 401 (not an Error)', make: () => ({ status: 401, message: 'secret' }), studio: 'internal', batch: 'internal' },
  { name: 'an Error with statusCode 401 only', make: () => Object.assign(new Error('secret'), { statusCode: 401 }), studio: unauthorized, batch: 'internal' },
  { name: 'an Error whose status (401) and statusCode (403) differ: status wins', make: () => Object.assign(new Error('secret'), { status: 401, statusCode: 403 }), studio: unauthorized, batch: 'internal' },
  { name: 'http-errors 401, expose: true, a secret message', make: () => createError(401, 'secret: token abc123 expired', { expose: true }), studio: unauthorized, batch: 'internal' },
  { name: 'http-errors 403', make: () => createError(403, 'secret: user 7 lacks role admin'), studio: 'internal', batch: insufficient },
  { name: 'http-errors 404', make: () => createError(404, 'secret: /internal/path'), studio: studioNotFound, batch: 'internal' },
  { name: 'http-errors 418 (mapped by neither)', make: () => createError(418, 'secret teapot'), studio: 'internal', batch: 'internal' },
  { name: 'http-errors 500, expose: true', make: () => createError(500, 'secret: db down', { expose: true }), studio: 'internal', batch: 'internal' },
  { name: 'http-errors 503', make: () => createError(503, 'secret'), studio: 'internal', batch: 'internal' },
  {
    name: 'an MlStudioError forged with Object.create and a secret param',
    make: () => forged(MlStudioError.prototype, { code: 'BlobNotFound', category: 'BadArgument', key: 'BadArgument/BlobNotFound', status: 400, params: { blob: 'secret', azureMessage: 'secret' } }),
    studio: 'internal',
    batch: 'internal',
  },
  { name: 'a BatchError forged with Object.create', make: () => forged(BatchError.prototype, { code: 'PoolNotFound', key: 'PoolNotFound', status: 404, params: {} }), studio: 'internal', batch: 'internal' },
  { name: 'an object with a catalog brand copied from a real error', make: () => ({ ...new MlStudioError({ category: MlStudioCategory.NotFound }), message: 'secret' }), studio: 'internal', batch: 'internal' },
  {
    name: 'a real MlStudioError whose status and code were changed after construction',
    make: () => Object.assign(new MlStudioError({ category: MlStudioCategory.NotFound }), { status: 200, code: 'secret', category: 'secret' }),
    studio: studioNotFound,
    batch: 'internal',
  },
  { name: 'a real BatchError', make: () => new BatchError({ code: BatchErrorCode.PoolNotFound }), studio: 'internal', batch: () => new BatchError({ code: BatchErrorCode.PoolNotFound }) },
  { name: 'a real MlStudioError', make: unauthorized, studio: unauthorized, batch: 'internal' },
];

/** The two forgeries, for checking that answers never depend on what was constructed before. */
export const FORGED_STUDIO_ERROR = (): unknown => HOSTILE_THROWS.find((entry) => entry.name.startsWith('an MlStudioError forged'))!.make();
