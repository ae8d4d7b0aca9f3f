// Type tests for the package generated from ./small, checked by tsc (the
// generator's `typecheck`, and codes.test.ts for both enum styles). Each
// `@ts-expect-error` must meet an error, so a check that stops failing fails.

import { expectTypeOf } from 'vitest';
import {
  formatJobsMessage,
  formatStudioMessage,
  isJobsErrorCode,
  isStudioCategory,
  JobsError,
  JobsErrorCode,
  JobsSchedulingCategory,
  JobsSchedulingError,
  JobsSchedulingErrorCode,
  LedgerError,
  LedgerErrorCode,
  StudioCategory,
  StudioError,
  StudioErrorCode,
  type JobsErrorCodeString,
  type LedgerErrorBody,
  type StudioErrorBody,
  type StudioErrorParams,
  type StudioLocale,
} from '../__snapshots__/small-enum/src/index.js';

// Params are required exactly when the message has placeholders, with their names and types.
formatStudioMessage({ code: StudioErrorCode.BlobNotFound, params: { blob: 'in.csv', retries: 3 } }, 'fr');
// @ts-expect-error params missing
formatStudioMessage({ code: StudioErrorCode.BlobNotFound });
// @ts-expect-error one param missing
formatStudioMessage({ code: StudioErrorCode.BlobNotFound, params: { blob: 'in.csv' } });
// @ts-expect-error param of the wrong type
formatStudioMessage({ code: StudioErrorCode.BlobNotFound, params: { blob: 'in.csv', retries: 'three' } });
// @ts-expect-error misspelled param
formatStudioMessage({ code: StudioErrorCode.BlobNotFound, params: { blobb: 'in.csv', retries: 3 } });
// @ts-expect-error param the message does not have
formatStudioMessage({ code: StudioErrorCode.BlobNotFound, params: { blob: 'in.csv', retries: 3, extra: 1 } });
// @ts-expect-error params for a message without placeholders
formatJobsMessage({ code: JobsErrorCode.InvalidBody, params: { id: 'x' } });
// @ts-expect-error locale the service does not have
formatStudioMessage({ category: StudioCategory.NotFound }, 'de');
expectTypeOf<StudioErrorParams['BadArgument/BlobNotFound']>().toEqualTypeOf<{ readonly blob: string; readonly retries: number }>();
expectTypeOf<StudioLocale>().toEqualTypeOf<'en' | 'fr'>();

// A code under two categories needs its category; others do not.
new StudioError({ category: StudioCategory.InternalError, code: StudioErrorCode.UnknownError });
// @ts-expect-error category required for UnknownError
new StudioError({ code: StudioErrorCode.UnknownError });
// @ts-expect-error BlobNotFound is not under NotFound
new StudioError({ category: StudioCategory.NotFound, code: StudioErrorCode.BlobNotFound, params: { blob: 'b', retries: 1 } });
new StudioError({ code: StudioErrorCode.BlobNotFound, params: { blob: 'b', retries: 1 }, target: 'input1' });
new StudioError({ category: StudioCategory.NotFound });

// Variants are picked by name.
new JobsError({ code: JobsErrorCode.ConditionNotMet, variant: 'write' });
// @ts-expect-error unknown variant
new JobsError({ code: JobsErrorCode.ConditionNotMet, variant: 'delete' });
// @ts-expect-error variant on a code without variants
new JobsError({ code: JobsErrorCode.InvalidBody, variant: 'read' });
new JobsError({ code: JobsErrorCode.JobNotFound, params: { id: 'j1' }, values: [{ key: 'JobId', value: 'j1' }] });

// Errors and their bodies are typed by their service.
const studio = new StudioError({ code: StudioErrorCode.BlobNotFound, params: { blob: 'b', retries: 1 } });
expectTypeOf(studio.status).toEqualTypeOf<number>();
expectTypeOf(studio.code).toEqualTypeOf<StudioErrorCode | undefined>();
expectTypeOf(studio.category).toEqualTypeOf<StudioCategory>();
expectTypeOf(studio.toBody('fr')).toEqualTypeOf<StudioErrorBody>();
expectTypeOf(studio.toBody('fr').error.code).toEqualTypeOf<StudioCategory>();
expectTypeOf(JSON.parse(JSON.stringify(studio))).toBeAny();
// @ts-expect-error locale the service does not have
studio.toBody('ko');
expectTypeOf(StudioError.failure('notFound')).toEqualTypeOf<StudioError>();

const scheduling = new JobsSchedulingError({ code: JobsSchedulingErrorCode.DiskFull, details: [{ name: 'Node', value: 'n1' }] });
expectTypeOf(scheduling.status).toEqualTypeOf<undefined>();
expectTypeOf(scheduling.toJSON().category).toEqualTypeOf<JobsSchedulingCategory>();
// @ts-expect-error embedded errors are not framework failures
JobsSchedulingError.failure('internal');

// Guards narrow values read off the wire.
const received: unknown = JSON.parse('"InvalidBody"');
if (isJobsErrorCode(received)) expectTypeOf(received).toEqualTypeOf<JobsErrorCode>();
if (isStudioCategory(received)) expectTypeOf(received).toEqualTypeOf<StudioCategory>();
expectTypeOf<JobsErrorCodeString>().toEqualTypeOf<'ConditionNotMet' | 'InternalError' | 'InvalidBody' | 'JobNotFound'>();
expectTypeOf(JobsErrorCode.JobNotFound).toExtend<JobsErrorCodeString>();

// instanceof narrows to the class.
const thrown: unknown = studio;
if (thrown instanceof StudioError) expectTypeOf(thrown.category).toEqualTypeOf<StudioCategory>();

// A problem-details service: its body is problem details of its own codes; instance and errors[] are its options.
const ledger = new LedgerError({ code: LedgerErrorCode.AccountNotFound, params: { account: 'acme' }, instance: '/accounts/acme', errors: [{ detail: 'missing', pointer: '#/owner' }] });
expectTypeOf(ledger.toBody('fr')).toEqualTypeOf<LedgerErrorBody>();
expectTypeOf(ledger.toJSON().code).toEqualTypeOf<LedgerErrorCode>();
expectTypeOf(ledger.toBody().errors).toEqualTypeOf<Array<{ detail: string; pointer?: string; name?: string }> | undefined>();
// @ts-expect-error `target` belongs to rest-guidelines bodies
new LedgerError({ code: LedgerErrorCode.InvalidRequest, target: 'owner' });
// @ts-expect-error an errors[] entry needs its detail
new LedgerError({ code: LedgerErrorCode.InvalidRequest, errors: [{ pointer: '#/owner' }] });
