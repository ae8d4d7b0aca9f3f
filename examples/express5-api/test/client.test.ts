// The client side against this example's real server: every code thrown, fetched and parsed back.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeClientRoundTrip } from 'express-api-suite';
import { createApp } from '../src/app.js';

describeClientRoundTrip(async () => {
  const server = createServer(createApp());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
});
