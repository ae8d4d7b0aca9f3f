// Small error sets in the three wire formats, shaped like what the codes
// target generates, for testing the runtime on its own.

import type { ErrorSet } from '../src/catalog.js';

export const restSet: ErrorSet = {
  id: 'studio',
  brand: '@test/codes#studio',
  errorName: 'StudioError',
  wireFormat: 'rest-guidelines',
  defaultLocale: 'en',
  locales: ['en', 'fr', 'ko', 'zh-TW'],
  categories: {
    BadArgument: { name: 'BadArgument', title: 'BadArgument', status: 400, message: { en: 'Invalid argument provided.', fr: 'Argument non valide fourni.', ko: '잘못된 인수가 제공되었습니다.', 'zh-TW': '提供的引數無效。' } },
    InternalError: { name: 'InternalError', title: 'InternalError', status: 500, message: { en: 'Execution encountered an internal error.', fr: 'Erreur interne.' } },
    NotFound: { name: 'NotFound', title: 'NotFound', status: 404, message: { en: 'Resource not found.', fr: 'Ressource introuvable.' } },
  },
  codes: {
    'BadArgument/BlobNotFound': {
      name: 'BlobNotFound',
      category: 'BadArgument',
      status: 400,
      statuses: [400],
      message: {
        en: 'Unable to access the provided Azure blob - {0}.  Azure error message: {1}.',
        fr: 'Impossible d’accéder au stockage Blob Azure fourni : {0}.  Message d’erreur Azure : {1}.',
        ko: '제공된 Azure BLOB - {0}에 액세스할 수 없습니다.  Azure 오류 메시지: {1}.',
        'zh-TW': '無法存取所提供的 Azure blob - {0}。  Azure 錯誤訊息：{1}。',
      },
      params: [
        { name: 'blob', type: 'string' },
        { name: 'azureMessage', type: 'string' },
      ],
    },
    'BadArgument/UnknownError': { name: 'UnknownError', category: 'BadArgument', status: 400, statuses: [400], message: { en: 'Invalid argument provided.', fr: 'Argument non valide fourni.' }, messageFromCategory: true, params: [] },
    'InternalError/UnknownError': { name: 'UnknownError', category: 'InternalError', status: 500, statuses: [500], message: { en: 'Execution encountered an internal error.', fr: 'Erreur interne.' }, messageFromCategory: true, params: [] },
  },
  failures: {
    internal: { kind: 'code', key: 'InternalError/UnknownError' },
    malformedBody: { kind: 'code', key: 'BadArgument/BlobNotFound' },
    bodyTooLarge: { kind: 'code', key: 'BadArgument/BlobNotFound' },
    notFound: { kind: 'category', category: 'NotFound' },
    validation: { kind: 'code', key: 'BadArgument/BlobNotFound' },
  },
};

export const batchSet: ErrorSet = {
  id: 'batch',
  brand: '@test/codes#batch',
  errorName: 'BatchError',
  wireFormat: 'batch',
  defaultLocale: 'en',
  locales: ['en'],
  categories: {},
  codes: {
    ConditionNotMet: {
      name: 'ConditionNotMet',
      status: 304,
      statuses: [304, 412],
      message: { en: 'The condition specified in the conditional header(s) was not met for a read operation.' },
      variants: [
        { when: 'read', status: 304, message: { en: 'The condition specified in the conditional header(s) was not met for a read operation.' } },
        { when: 'write', status: 412, message: { en: 'The condition specified in the conditional header(s) was not met for a write operation.' } },
      ],
      params: [],
    },
    InternalError: { name: 'InternalError', status: 500, statuses: [500], message: { en: 'The server encountered an internal error. Please retry the request.' }, params: [] },
    PoolNotFound: { name: 'PoolNotFound', status: 404, statuses: [404], message: { en: 'The specified pool does not exist.' }, params: [] },
    QuotaReached: { name: 'QuotaReached', status: 409, statuses: [409], message: { en: 'Quota of {count} pools reached for {account}.' }, params: [{ name: 'count', type: 'integer' }, { name: 'account', type: 'string' }] },
  },
  failures: {
    internal: { kind: 'code', key: 'InternalError' },
    malformedBody: { kind: 'code', key: 'PoolNotFound' },
    bodyTooLarge: { kind: 'code', key: 'PoolNotFound' },
    notFound: { kind: 'code', key: 'PoolNotFound' },
    validation: { kind: 'code', key: 'QuotaReached' },
  },
};

export const schedulingSet: ErrorSet = {
  id: 'batch-scheduling',
  brand: '@test/codes#batch-scheduling',
  errorName: 'BatchSchedulingError',
  wireFormat: 'batch-scheduling',
  defaultLocale: 'en',
  locales: ['en'],
  categories: {
    servererror: { name: 'servererror', title: 'ServerError' },
    usererror: { name: 'usererror', title: 'UserError' },
  },
  codes: {
    'usererror/BlobNotFound': { name: 'BlobNotFound', category: 'usererror', message: { en: 'One of the specified Azure Blob(s) is not found.' }, params: [] },
    'servererror/Unknown': { name: 'Unknown', category: 'servererror', message: { en: 'An unknown scheduling error has occurred.' }, params: [] },
  },
};
