import { createRequire } from 'node:module';
import { describeExpressApi } from 'express-api-suite';
import { createApp, CRASHES } from '../src/app.js';

describeExpressApi({
  expressMajor: 4,
  expressVersion: (createRequire(import.meta.url)('express/package.json') as { version: string }).version,
  createApp,
  crashes: CRASHES,
  falsyRejection: 'as thrown',
});
