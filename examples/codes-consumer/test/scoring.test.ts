import { BatchError, BatchSchedulingError, BatchSchedulingErrorCode, CatalogError, MlStudioError, batchCatalog, mlStudioCatalog } from '@azure-errors/codes';
import { describe, expect, it } from 'vitest';
import { answer, checkScoreRequest, internalError, isRetryable, throttledMessages, writeConflict } from '../src/scoring.js';

const caught = (run: () => void): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
};

describe('a scoring service built on @azure-errors/codes', () => {
  it('answers a bad version in the client’s language with x-ms-error-code', () => {
    const error = caught(() => checkScoreRequest({ apiVersion: '1.0', inputBlob: 'in.csv' }, () => true));
    expect(error).toBeInstanceOf(MlStudioError);
    const response = answer(error, { 'accept-language': 'fr-CA,fr;q=0.9' });
    expect(response.status).toBe(400);
    expect(response.headers).toMatchObject({ 'x-ms-error-code': 'BadArgument', 'content-language': 'fr' });
    expect(response.body).toEqual({
      error: {
        code: 'BadArgument',
        message: 'Argument non valide fourni.',
        details: [{ code: 'BadVersionCall', message: 'La paramètre non valide de version a été transmis durant l’appel d’API\u00a0: 1.0. Consultez la page d’aide de l’API afin de transmettre la version appropriée, puis réessayez.', target: 'api-version' }],
      },
    });
  });

  it('answers a missing blob in English by default', () => {
    const response = answer(
      caught(() => checkScoreRequest({ apiVersion: '2.0', inputBlob: 'gone.csv' }, () => false)),
      {},
    );
    expect(response.body).toEqual({
      error: {
        code: 'BadArgument',
        message: 'Invalid argument provided.',
        details: [{ code: 'BlobNotFound', message: 'Unable to access the provided Azure blob - gone.csv.  Azure error message: The specified blob does not exist..' }],
      },
    });
  });

  it('answers problem details when the client asks for them', () => {
    const response = answer(
      caught(() => checkScoreRequest({ apiVersion: '2.0' }, () => true)),
      { accept: 'application/problem+json', 'accept-language': 'ko' },
    );
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body).toEqual({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Azure Storage Blob 정보가 누락되었습니다. 유효한 연결 문자열 및 상대 경로 또는 URI를 제공하고 다시 시도하세요.', code: 'MissingInputBlobInformation' });
  });

  it('hides anything that is not a catalog error behind the internal error', () => {
    const response = answer(new Error('connection string leaked'), { 'accept-language': 'zh-TW' });
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('leaked');
    expect(response.headers['content-language']).toBe('zh-TW');
    expect(answer(internalError('x'), {}).body).toEqual(answer(new Error('x'), {}).body);
  });

  it('formats one message in all four locales', () => {
    expect(throttledMessages('score', 4)).toEqual({
      en: 'Request was throttled for score endpoint. The maximum concurrency for the endpoint is 4.',
      fr: 'La requête a été limitée pour le point de terminaison score. L’accès concurrentiel maximal pour le point de terminaison est 4.',
      ko: '요청이 score 끝점에 대해 제한되었습니다. 끝점에 대한 최대 동시성은 4입니다.',
      'zh-TW': '要求已針對 score 端點進行節流處理。 端點的並行處理上限是 4。',
    });
  });
});

describe('a Batch client built on @azure-errors/codes', () => {
  it('recognises codes read off the wire', () => {
    expect(isRetryable({ code: 'ServerBusy', message: { lang: 'en-US', value: '…' } })).toBe(true);
    expect(isRetryable({ code: 'PoolNotFound' })).toBe(false);
    expect(isRetryable({ code: 'NotACode' })).toBe(false);
    expect(isRetryable('ServerBusy')).toBe(false);
  });

  it('picks the write variant of ConditionNotMet', () => {
    const error = writeConflict();
    expect(error).toBeInstanceOf(BatchError);
    expect(error).toBeInstanceOf(CatalogError);
    expect(error.status).toBe(412);
    expect(JSON.stringify(error)).toBe('{"code":"ConditionNotMet","message":{"lang":"en-US","value":"The condition specified in the conditional header(s) was not met for a write operation."}}');
  });

  it('writes scheduling errors as the REST definitions give them', () => {
    const error = new BatchSchedulingError({ code: BatchSchedulingErrorCode.DiskFull, details: [{ name: 'NodeId', value: 'tvm-1' }] });
    expect(error.toJSON()).toEqual({ category: 'servererror', code: 'DiskFull', message: 'There is not enough disk space on the node that was selected to run the task.', details: [{ name: 'NodeId', value: 'tvm-1' }] });
  });

  it('exposes the catalog as plain data', () => {
    expect(batchCatalog.codes.PoolNotFound).toMatchObject({ status: 404, message: { en: 'The specified pool does not exist.' } });
    expect(mlStudioCatalog.codes['BadArgument/BlobNotFound'].params.map((param) => param.name)).toEqual(['blob', 'azureMessage']);
  });
});
