// Type tests for the real catalog, run by `vitest --typecheck` and `tsc`.

import {
  BatchError,
  BatchErrorCode,
  formatMlStudioMessage,
  isBatchErrorCode,
  MlStudioCategory,
  MlStudioError,
  MlStudioErrorCode,
  type BatchErrorCodeString,
  type MlStudioErrorBody,
  type MlStudioErrorParams,
} from '@azure-errors/codes';
import { describe, expectTypeOf, it } from 'vitest';

describe('typed messages', () => {
  it('requires exactly the params of the message, with their types', () => {
    formatMlStudioMessage({ code: MlStudioErrorCode.RequestThrottled, params: { endpoint: 'score', maxConcurrency: 4 } }, 'ko');
    // @ts-expect-error maxConcurrency is a number
    formatMlStudioMessage({ code: MlStudioErrorCode.RequestThrottled, params: { endpoint: 'score', maxConcurrency: '4' } });
    // @ts-expect-error endpoint missing
    formatMlStudioMessage({ code: MlStudioErrorCode.RequestThrottled, params: { maxConcurrency: 4 } });
    // @ts-expect-error the message has placeholders
    formatMlStudioMessage({ code: MlStudioErrorCode.BlobNotFound });
    // @ts-expect-error the message has none
    formatMlStudioMessage({ code: MlStudioErrorCode.ContainerIsEmpty, params: { blob: 'x' } });
    // @ts-expect-error ML Studio has no German
    formatMlStudioMessage({ code: MlStudioErrorCode.ContainerIsEmpty }, 'de');
    expectTypeOf<MlStudioErrorParams['BadArgument/BlobNotFound']>().toEqualTypeOf<{ readonly blob: string; readonly azureMessage: string }>();
  });
});

describe('error classes', () => {
  it('need the category of a code listed under two', () => {
    new MlStudioError({ category: MlStudioCategory.BadArgument, code: MlStudioErrorCode.UnknownError });
    // @ts-expect-error UnknownError is under BadArgument and InternalError
    new MlStudioError({ code: MlStudioErrorCode.UnknownError });
    // @ts-expect-error UserParameterInvalid is not under InternalError
    new MlStudioError({ category: MlStudioCategory.InternalError, code: MlStudioErrorCode.UserParameterInvalid, params: { message: 'm' } });
  });

  it('let ConditionNotMet pick its variant, and only it', () => {
    expectTypeOf(new BatchError({ code: BatchErrorCode.ConditionNotMet, variant: 'read' }).status).toEqualTypeOf<number>();
    // @ts-expect-error no such variant
    new BatchError({ code: BatchErrorCode.ConditionNotMet, variant: 'delete' });
    // @ts-expect-error PoolNotFound has no variants
    new BatchError({ code: BatchErrorCode.PoolNotFound, variant: 'read' });
  });

  it('type their bodies', () => {
    const error = new MlStudioError({ category: MlStudioCategory.NotFound });
    expectTypeOf(error.toBody('zh-TW')).toEqualTypeOf<MlStudioErrorBody>();
    expectTypeOf(error.toJSON().error.code).toEqualTypeOf<MlStudioCategory>();
    expectTypeOf(error.code).toEqualTypeOf<MlStudioErrorCode | undefined>();
  });
});

describe('guards', () => {
  it('narrow wire values to the enum', () => {
    const value: unknown = 'PoolNotFound';
    if (isBatchErrorCode(value)) expectTypeOf(value).toEqualTypeOf<BatchErrorCode>();
    expectTypeOf(BatchErrorCode.PoolNotFound).toExtend<BatchErrorCodeString>();
    const thrown: unknown = new BatchError({ code: BatchErrorCode.PoolNotFound });
    if (thrown instanceof BatchError) expectTypeOf(thrown.code).toEqualTypeOf<BatchErrorCode>();
  });
});
