// Values a route may throw that are not catalog errors. Each must be
// answered with the internal-error code, status 500, and nothing of it: the
// word "secret" marks what must never reach a client.

import { CatalogError } from '../src/catalog-error.js';
import { schedulingSet } from './sets.js';

export const NON_CATALOG_THROWS: ReadonlyArray<readonly [string, () => unknown]> = [
  ['a plain Error', () => new Error('secret: the database password is hunter2')],
  ['an Error with a cause', () => new Error('secret outer', { cause: new Error('secret cause') })],
  ['an Error carrying an HTTP status', () => Object.assign(new Error('secret'), { status: 404, statusCode: 404, expose: true })],
  ['a string', () => 'secret string'],
  ['null', () => null],
  ['undefined', () => undefined],
  ['a number', () => 0],
  ['a symbol', () => Symbol('secret')],
  ['an object with __proto__ keys', () => JSON.parse('{"__proto__":{"status":200,"statusCode":200,"message":"secret proto"},"constructor":{"prototype":{"secret":true}},"status":404,"code":"PoolNotFound"}')],
  ['an object without a prototype', () => Object.assign(Object.create(null), { message: 'secret', status: 404 })],
  ['an object whose getters throw', () => Object.defineProperties({}, { status: { get: () => { throw new Error('secret getter'); } }, message: { get: () => { throw new Error('secret getter'); } } })],
  [
    'a Proxy whose every trap throws',
    () =>
      new Proxy(
        {},
        {
          get: () => { throw new Error('secret trap'); },
          getPrototypeOf: () => { throw new Error('secret trap'); },
          has: () => { throw new Error('secret trap'); },
          ownKeys: () => { throw new Error('secret trap'); },
          getOwnPropertyDescriptor: () => { throw new Error('secret trap'); },
        },
      ),
  ],
  ['an embedded catalog error (not a response)', () => new CatalogError(schedulingSet, { code: 'Unknown' })],
];
