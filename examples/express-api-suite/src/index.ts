export { describeExpressApi, type ExpressApiUnderTest } from './express-api-suite.js';
export { serve, type Client, type Response } from './http.js';
export { FORGED_STUDIO_ERROR, HOSTILE_THROWS, type Answer, type HostileThrow } from './hostile.js';
