// Requests a client may send to any of the example servers (Express 4, 5,
// Fastify): huge and garbage negotiation headers, markup and secrets in the
// path. Each server answers a catalog body, never a crash, never the secret.

import { describe, expect, it } from 'vitest';
import type { Client } from './http.js';

export function describeHostileRequests(client: () => Client): void {
  describe('hostile requests', () => {
    it.each([
      ['a 10 KB Accept', { accept: `${'text/x-secret;q=0.1, '.repeat(500)}application/problem+json` }],
      ['an Accept with garbage q-values', { accept: 'application/problem+json;q=abc, application/json;q=NaN, */*;q=-1' }],
      ['Accept-Language with only unknown tags and bad q-values', { 'accept-language': 'xx-YY;q=2, *;q=, zz;q=0.0001' }],
      ['a header with control-like text', { 'accept-language': 'fr\t;q=1', accept: '\tapplication/json' }],
    ])('%s → a catalog body, never a crash', async (_name, headers) => {
      const response = await client()('/studio/errors/NotFound', { headers });
      expect(response.status).toBe(404);
      expect(['application/json; charset=utf-8', 'application/problem+json']).toContain(response.headers['content-type']);
      expect(() => JSON.parse(response.text)).not.toThrow();
      expect(response.text).not.toMatch(/secret/);
    });

    it.each([
      ['percent-encoded markup', '/problem/%3Cscript%3Ealert(1)%3C%2Fscript%3E', '/problem/%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
      ['a query with a secret', '/problem/nothing?token=secret&x=%00', '/problem/nothing'],
      ['a double slash', '//problem//nothing', undefined],
    ])('instance from %s is a URI reference, never the query', async (_name, path, instance) => {
      const response = await client()(path);
      expect(response.text).not.toMatch(/secret|<script/);
      const body = JSON.parse(response.text) as { instance?: string };
      if (instance !== undefined) expect(body.instance).toBe(instance);
    });

    it('OPTIONS * → answered, never a crash', async () => {
      const response = await client()('*', { method: 'OPTIONS' });
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.text).not.toMatch(/secret|stack/);
    });
  });
}
