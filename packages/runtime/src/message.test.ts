import { describe, expect, it, vi } from 'vitest';
import { batchSet, restSet, schedulingSet } from '../test/sets.js';

const compiles = vi.hoisted(() => ({ count: 0 }));
vi.mock('./template.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./template.js')>();
  return {
    ...original,
    compileTemplate: (...args: Parameters<typeof original.compileTemplate>) => {
      compiles.count += 1;
      return original.compileTemplate(...args);
    },
  };
});

const { formatMessage, resolveRef } = await import('./message.js');

describe('formatMessage', () => {
  const blob = { code: 'BlobNotFound', params: { blob: 'in.csv', azureMessage: 'gone' } };

  it.each([
    ['en', 'Unable to access the provided Azure blob - in.csv.  Azure error message: gone.'],
    ['fr', 'Impossible d’accéder au stockage Blob Azure fourni : in.csv.  Message d’erreur Azure : gone.'],
    ['ko', '제공된 Azure BLOB - in.csv에 액세스할 수 없습니다.  Azure 오류 메시지: gone.'],
    ['zh-TW', '無法存取所提供的 Azure blob - in.csv。  Azure 錯誤訊息：gone。'],
    ['fr-CA', 'Impossible d’accéder au stockage Blob Azure fourni : in.csv.  Message d’erreur Azure : gone.'],
    ['de', 'Unable to access the provided Azure blob - in.csv.  Azure error message: gone.'],
  ])('formats in %s', (locale, want) => {
    expect(formatMessage(restSet, blob, locale)).toBe(want);
  });

  it('uses the default locale where a message is not translated', () => {
    expect(formatMessage(restSet, { category: 'InternalError', code: 'UnknownError' }, 'ko')).toBe('Execution encountered an internal error.');
  });

  it('formats a category alone and a variant', () => {
    expect(formatMessage(restSet, { category: 'NotFound' }, 'fr')).toBe('Ressource introuvable.');
    expect(formatMessage(batchSet, { code: 'ConditionNotMet', variant: 'write' })).toMatch(/write operation\.$/);
    expect(formatMessage(batchSet, { code: 'ConditionNotMet' })).toMatch(/read operation\.$/);
  });

  it('compiles each template once, however often it formats', () => {
    const before = compiles.count;
    for (let index = 0; index < 50; index++) formatMessage(batchSet, { code: 'QuotaReached', params: { count: index, account: 'a' } });
    expect(compiles.count - before).toBe(1);
    expect(formatMessage(batchSet, { code: 'QuotaReached', params: { count: 7, account: 'acme' } })).toBe('Quota of 7 pools reached for acme.');
  });
});

describe('resolveRef', () => {
  it('finds a code by name when it is under one category only', () => {
    expect(resolveRef(restSet, { code: 'BlobNotFound' }).key).toBe('BadArgument/BlobNotFound');
    expect(resolveRef(schedulingSet, { code: 'Unknown' }).key).toBe('servererror/Unknown');
  });

  it.each([
    ['an ambiguous name without its category', restSet, { code: 'UnknownError' }, 'StudioError: code UnknownError exists under several categories (BadArgument, InternalError); pass its category'],
    ['an unknown code', batchSet, { code: 'Nope' }, 'BatchError: unknown code Nope'],
    ['a code under the wrong category', restSet, { category: 'NotFound', code: 'BlobNotFound' }, 'StudioError: unknown code NotFound/BlobNotFound'],
    ['an unknown variant', batchSet, { code: 'ConditionNotMet', variant: 'delete' }, 'BatchError: code ConditionNotMet has no variant delete; its variants are read, write'],
    ['a variant on a code without variants', batchSet, { code: 'PoolNotFound', variant: 'read' }, 'BatchError: code PoolNotFound has no variant read'],
    ['nothing at all', restSet, {}, 'StudioError: a code or a category is required'],
    ['an embedded category alone', schedulingSet, { category: 'usererror' }, 'BatchSchedulingError: unknown category usererror'],
  ])('rejects %s', (_name, set, ref, message) => {
    expect(() => resolveRef(set, ref)).toThrow(new TypeError(message));
  });
});

describe('names from untyped callers', () => {
  it('treats Object.prototype member names as unknown codes, with the usual error', async () => {
    const { resolveRef: resolve } = await import('./message.js');
    const set = { errorName: 'TestError', codes: {}, categories: {}, locales: ['en'], defaultLocale: 'en' } as unknown as Parameters<typeof resolve>[0];
    expect(() => resolve(set, { code: 'toString' })).toThrow('TestError: unknown code toString');
    expect(() => resolve(set, { category: 'constructor' })).toThrow('TestError: unknown category constructor');
  });

  it('formats in the default locale for a locale named like an Object.prototype member', async () => {
    const { formatResolved, resolveRef: resolve } = await import('./message.js');
    const resolved = resolve(batchSet, { code: 'PoolNotFound' });
    for (const locale of ['constructor', 'toString', '__proto__']) {
      expect(formatResolved(batchSet, resolved, undefined, locale)).toBe('The specified pool does not exist.');
    }
  });
});
