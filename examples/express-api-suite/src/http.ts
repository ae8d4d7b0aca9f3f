// Requests with node:http, so that headers and bodies reach the server
// exactly as written, one connection per request; servers on 127.0.0.1.

import { createServer, request as send, type IncomingHttpHeaders, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Response {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

export type Client = (path: string, init?: { method?: string; headers?: Record<string, string>; body?: string | Buffer }) => Promise<Response>;

/** Serves `listener` on an ephemeral port of 127.0.0.1 until `close()`. */
export async function serve(listener: RequestListener): Promise<{ request: Client; close: () => Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    request: clientFor(port),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Requests to a server already listening on `port` of 127.0.0.1. */
export function clientFor(port: number): Client {
  return (path, init = {}) =>
    new Promise((resolve, reject) => {
      const outgoing = send({ host: '127.0.0.1', port, path, method: init.method ?? 'GET', headers: { connection: 'close', ...init.headers }, agent: false }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
      });
      outgoing.on('error', reject);
      outgoing.end(init.body);
    });
}
