// Headers every example server (Express 4, 5, Fastify) puts on an error
// answer, whatever the route set before it threw: nosniff, and no-store
// except on a 304, which is no error body.

import { describe, expect, it } from 'vitest';
import type { Client } from './http.js';

export function describeErrorAnswerHeaders(client: () => Client): void {
  describe('headers of error answers', () => {
    it.each(['/studio/cached', '/batch/cached', '/problem/cached'])('%s: nosniff, and the route’s Cache-Control and ETag do not survive', async (path) => {
      const response = await client()(path);
      expect(response.status).toBe(404);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers.etag).toBeUndefined();
    });

    it('a 304 keeps no body and carries no no-store', async () => {
      const read = await client()('/batch/pools/pool-1', { headers: { 'if-none-match': '"v1"' } });
      expect(read.status).toBe(304);
      expect(read.headers['cache-control']).toBeUndefined();
    });

    it('a not-found answer carries them too', async () => {
      const response = await client()('/studio/nothing');
      expect([response.headers['x-content-type-options'], response.headers['cache-control']]).toEqual(['nosniff', 'no-store']);
    });
  });
}
