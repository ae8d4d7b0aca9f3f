// The answers the hand-written floors send, byte for byte what the generated
// handlers send for an English client (load.ts checks it before timing).

export const HAND_WRITTEN = {
  catalog: {
    status: 401,
    headers: { 'content-language': 'en', 'x-ms-error-code': 'Unauthorized' },
    body: { error: { code: 'Unauthorized', message: 'Request is unauthorized to access resource.', details: [{ code: 'ScoreRequestUnauthorized', message: 'Invalid credentials provided.' }] } },
  },
  internal: {
    status: 500,
    headers: { 'content-language': 'en', 'x-ms-error-code': 'InternalError' },
    body: { error: { code: 'InternalError', message: 'Execution encountered an internal error.', details: [{ code: 'UnknownError', message: 'Execution encountered an internal error.' }] } },
  },
} as const;
