export { describeExpressApi, type ExpressApiUnderTest } from './express-api-suite.js';
export { serve, type Client, type Response } from './http.js';
