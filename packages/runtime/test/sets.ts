// Small error sets in the four wire formats, shaped like what the codes
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
  errorCodeHeader: 'x-ms-error-code',
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

/** A problem-details service: RFC 9457 bodies of its own, its own error-code header and type base. */
export const problemSet: ErrorSet = {
  id: 'ledger',
  brand: '@test/codes#ledger',
  errorName: 'LedgerError',
  wireFormat: 'problem-details',
  defaultLocale: 'en',
  locales: ['en', 'fr'],
  categories: {},
  codes: {
    AccountNotFound: {
      name: 'AccountNotFound',
      status: 404,
      statuses: [404],
      message: { en: 'Account {account} does not exist.', fr: 'Le compte {account} n’existe pas.' },
      params: [{ name: 'account', type: 'string' }],
    },
    InternalError: { name: 'InternalError', status: 500, statuses: [500], message: { en: 'The ledger failed.', fr: 'Le registre a échoué.' }, params: [] },
    InvalidRequest: { name: 'InvalidRequest', status: 400, statuses: [400], message: { en: 'The request is not valid.', fr: 'La requête n’est pas valide.' }, params: [] },
    NoSuchRoute: { name: 'NoSuchRoute', status: 404, statuses: [404], message: { en: 'No such resource.', fr: 'Ressource introuvable.' }, params: [] },
    PayloadTooLarge: { name: 'PayloadTooLarge', status: 413, statuses: [413], message: { en: 'The body is too large.', fr: 'Le corps est trop grand.' }, params: [] },
  },
  failures: {
    internal: { kind: 'code', key: 'InternalError' },
    malformedBody: { kind: 'code', key: 'InvalidRequest' },
    bodyTooLarge: { kind: 'code', key: 'PayloadTooLarge' },
    notFound: { kind: 'code', key: 'NoSuchRoute' },
    validation: { kind: 'code', key: 'InvalidRequest' },
  },
  errorCodeHeader: 'x-error-code',
  problemTypeBase: 'https://errors.example.com/ledger/',
};
