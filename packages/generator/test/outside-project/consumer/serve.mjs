// `node serve.mjs express|fastify`: an app with the generated error handling
// on 127.0.0.1 and a free port, printed as {"port":…}; a route throws the
// catalog error with its param. Closing stdin closes the server.
import express from 'express';
import Fastify from 'fastify';
import { PaymentsError, PaymentsErrorCode } from '@payments/codes';
import { paymentsErrorHandler, paymentsNotFoundHandler } from '@payments/express';
import { paymentsErrors } from '@payments/fastify';

const decline = () => {
  throw new PaymentsError({ code: PaymentsErrorCode.CardDeclined, params: { last4: '4242' } });
};

let close;
if (process.argv[2] === 'express') {
  const app = express();
  app.post('/cards/:cardId/charge', decline);
  app.use(paymentsNotFoundHandler());
  app.use(paymentsErrorHandler());
  const server = await new Promise((resolve, reject) => {
    const listening = app.listen(0, '127.0.0.1', (error) => (error ? reject(error) : resolve(listening)));
  });
  close = () => new Promise((resolve) => server.close(resolve));
  console.log(JSON.stringify({ port: server.address().port }));
} else if (process.argv[2] === 'fastify') {
  const app = Fastify();
  await app.register(paymentsErrors);
  app.post('/cards/:cardId/charge', async () => decline());
  await app.listen({ port: 0, host: '127.0.0.1' });
  close = () => app.close();
  console.log(JSON.stringify({ port: app.server.address().port }));
} else {
  throw new Error('usage: node serve.mjs express|fastify');
}

process.stdin.resume();
process.stdin.on('end', async () => {
  await close();
  process.exit(0);
});
