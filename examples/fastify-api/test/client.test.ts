// The client side against this example's real server: every code thrown, fetched and parsed back.

import { describeClientRoundTrip } from 'express-api-suite';
import { createApp } from '../src/app.js';

describeClientRoundTrip(async () => {
  const app = await createApp();
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { base, close: () => app.close() };
});
