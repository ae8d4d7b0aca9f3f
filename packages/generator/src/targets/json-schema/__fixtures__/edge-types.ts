// Type tests for the body types of the edge spec: type-checked by the
// generator's typecheck and by json-schema.test.ts. Each @ts-expect-error
// is a body the JSON Schema rejects too.

import type { DepotError, DepotSchedulingError, LedgerError, ProblemDetails, StudioError, StudioErrorInfo } from '../__snapshots__/edge/index.js';
import { depotErrorSchema, errorBodySchemas } from '../__snapshots__/edge/index.js';

export const detail: StudioError = { error: { code: 'BadArgument', message: 'Invalid argument provided.', details: [{ code: 'MissingInput', message: 'Missing input: {input}.' }] } };
export const alone: StudioError = { error: { code: 'LibraryExecutionError', message: 'Module execution encountered an internal library error.' } };
export const targeted: StudioErrorInfo = { code: 'NotFound', message: 'Resource not found.', details: [{ code: 'WebServiceNotFound', message: 'Web service not found.', target: 'scoring' }] };

// @ts-expect-error WebServiceNotFound belongs to NotFound, not to BadArgument
export const otherCategory: StudioError = { error: { code: 'BadArgument', message: 'Invalid argument provided.', details: [{ code: 'WebServiceNotFound', message: 'Web service not found.' }] } };
// @ts-expect-error LibraryExecutionError has no detail codes
export const noCodes: StudioError = { error: { code: 'LibraryExecutionError', message: 'm', details: [{ code: 'MissingInput', message: 'm' }] } };
// @ts-expect-error `message` is required
export const noMessage: StudioError = { error: { code: 'NotFound' } };

export const depot: DepotError = { code: 'CrateNotFound', message: { lang: 'en', value: 'Crate {crate} does not exist in {depot}.' }, values: [{ key: 'crate', value: 'c-1' }] };
// @ts-expect-error unknown code
export const unknownCode: DepotError = { code: 'NoSuchCode', message: { lang: 'en', value: 'x' } };
// @ts-expect-error the message is an object with lang and value
export const flatMessage: DepotError = { code: 'InvalidBody', message: 'The body is not valid.' };

export const scheduling: DepotSchedulingError = { category: 'servererror', code: 'DiskFull', message: 'There is not enough disk space.', details: [{ name: 'node', value: 'n-1' }] };
// @ts-expect-error DiskFull is a server error
export const wrongCategory: DepotSchedulingError = { category: 'usererror', code: 'DiskFull' };

export const problem: ProblemDetails = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'Web service not found.', code: 'WebServiceNotFound' };

export const id: 'urn:errcat:@edge/json-schema:schemas:depot-error.schema.json' = depotErrorSchema.$id;
export const count: 5 = errorBodySchemas.length;

export const ledger: LedgerError = {
  type: 'https://errors.example.com/ledger/InvalidRequest',
  title: 'Bad Request',
  status: 400,
  detail: 'The request is not valid.',
  instance: '/accounts',
  code: 'InvalidRequest',
  errors: [{ detail: 'must be string', pointer: '#/owner' }, { detail: 'is required', name: 'x-api-key' }],
};
// @ts-expect-error a code of another service
export const ledgerOtherCode: LedgerError = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'd', code: 'CrateNotFound' };
// @ts-expect-error an errors[] entry needs its detail
export const ledgerNoDetail: LedgerError = { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'd', code: 'InvalidRequest', errors: [{ pointer: '#/owner' }] };
// @ts-expect-error ProblemDetails lists the codes of the services that use another format only
export const problemOfLedger: ProblemDetails = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'd', code: 'AccountNotFound' };
