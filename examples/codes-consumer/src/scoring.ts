// A slice of an ML Studio-like scoring service and a Batch client, written
// against @azure-errors/codes the way an application would use it.

import {
  BatchError,
  BatchErrorCode,
  errorResponse,
  formatMlStudioMessage,
  isBatchErrorCode,
  MlStudioCategory,
  MlStudioError,
  MlStudioErrorCode,
  prefersProblemDetails,
  toHttpError,
  mlStudioCatalog,
  type ErrorResponse,
  type MlStudioLocale,
} from '@azure-errors/codes';

export interface ScoreRequest {
  apiVersion: string;
  inputBlob?: string;
}

const SUPPORTED_VERSIONS = new Set(['2.0']);

/** Validates a scoring request, throwing catalog errors. */
export function checkScoreRequest(request: ScoreRequest, blobExists: (blob: string) => boolean): void {
  if (!SUPPORTED_VERSIONS.has(request.apiVersion)) {
    throw new MlStudioError({ code: MlStudioErrorCode.BadVersionCall, params: { version: request.apiVersion }, target: 'api-version' });
  }
  if (request.inputBlob === undefined) throw new MlStudioError({ code: MlStudioErrorCode.MissingInputBlobInformation });
  if (!blobExists(request.inputBlob)) {
    throw new MlStudioError({ code: MlStudioErrorCode.BlobNotFound, params: { blob: request.inputBlob, azureMessage: 'The specified blob does not exist.' } });
  }
}

/** What a handler answers for anything thrown, honouring Accept-Language and Accept. */
export function answer(thrown: unknown, headers: { 'accept-language'?: string; accept?: string }): ErrorResponse {
  return errorResponse(toHttpError(thrown, mlStudioCatalog), { acceptLanguage: headers['accept-language'], problem: prefersProblemDetails(headers.accept) });
}

/** The same message in every locale the service speaks. */
export function throttledMessages(endpoint: string, maxConcurrency: number): Record<MlStudioLocale, string> {
  const locales: MlStudioLocale[] = ['en', 'fr', 'ko', 'zh-TW'];
  return Object.fromEntries(locales.map((locale) => [locale, formatMlStudioMessage({ code: MlStudioErrorCode.RequestThrottled, params: { endpoint, maxConcurrency } }, locale)])) as Record<
    MlStudioLocale,
    string
  >;
}

/** The internal error under its category, which UnknownError needs because it exists under two. */
export function internalError(cause: unknown): MlStudioError {
  return new MlStudioError({ category: MlStudioCategory.InternalError, code: MlStudioErrorCode.UnknownError, cause });
}

/** Reads a Batch error body off the wire and says whether retrying can help. */
export function isRetryable(body: unknown): boolean {
  const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
  if (!isBatchErrorCode(code)) return false;
  switch (code) {
    case BatchErrorCode.ServerBusy:
    case BatchErrorCode.OperationTimedOut:
    case BatchErrorCode.InternalError:
      return true;
    default:
      return false;
  }
}

/** A conditional write that lost the race. */
export function writeConflict(): BatchError {
  return new BatchError({ code: BatchErrorCode.ConditionNotMet, variant: 'write' });
}
