export { describeExpressApi, type ExpressApiUnderTest } from './express-api-suite.js';
export { describeErrorAnswerHeaders } from './error-answer-headers.js';
export { describeHostileRequests } from './hostile-requests.js';
export { describeClientRoundTrip, type StartedApi } from './client-round-trip.js';
export { clientFor, serve, type Client, type Response } from './http.js';
export { expectedAnswer, FORGED_STUDIO_ERROR, HOSTILE_THROWS, INTERNAL_BATCH_BODY, type Answer, type HostileThrow } from './hostile.js';
