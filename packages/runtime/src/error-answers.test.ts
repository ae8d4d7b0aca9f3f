import { describe, expect, it, vi } from 'vitest';
import { batchSet, restSet } from '../test/sets.js';
import { CatalogError } from './catalog-error.js';
import { createErrorAnswerer, varyHeader } from './error-answers.js';

describe('createErrorAnswerer', () => {
  it('negotiates each header right however many distinct ones arrive (the cache is bounded)', () => {
    const answerer = createErrorAnswerer(restSet);
    const error = new CatalogError(restSet, { category: 'NotFound' });
    for (let index = 0; index < 1000; index++) {
      const locale = restSet.locales[index % restSet.locales.length]!;
      const answer = answerer.answer(error, undefined, { 'accept-language': `x-${index}, ${locale};q=0.5` });
      expect(answer.headers['content-language']).toBe(locale);
    }
  });

  it('reads a header sent several times as one list', () => {
    const answer = createErrorAnswerer(restSet).answer(new CatalogError(restSet, { category: 'NotFound' }), undefined, { 'accept-language': ['de', 'ko;q=0.5'] });
    expect(answer.headers['content-language']).toBe('ko');
  });

  it('falls back to the internal error in the default locale when building an answer fails', () => {
    const onError = vi.fn();
    const answerer = createErrorAnswerer(batchSet, { onError, mapError: () => { throw new Error('boom'); } });
    const answer = answerer.answer(new Error('secret'), 'request', { 'accept-language': 'en' });
    expect(answer).toMatchObject({ status: 500, body: { code: 'InternalError' }, detailed: false });
    expect(onError).toHaveBeenCalledWith(expect.any(Error), { request: 'request', answer: expect.objectContaining({ status: 500 }) });
  });

  it('reports errors that arrive after the headers were sent without an answer', () => {
    const onError = vi.fn();
    createErrorAnswerer(batchSet, { onError }).report('late', 'request');
    expect(onError).toHaveBeenCalledWith('late', { request: 'request' });
  });

  it('varies on Accept-Language only when the service has several locales, and on Accept only when it negotiates the envelope', () => {
    expect(createErrorAnswerer(restSet).vary).toEqual(['Accept-Language', 'Accept']);
    expect(createErrorAnswerer(batchSet).vary).toEqual(['Accept']);
    expect(createErrorAnswerer(batchSet, { envelope: 'problem' }).vary).toEqual([]);
  });
});

describe('varyHeader', () => {
  it.each([
    [undefined, ['Accept'], 'Accept'],
    ['', ['Accept'], 'Accept'],
    ['Origin', ['Accept-Language', 'Accept'], 'Origin, Accept-Language, Accept'],
    ['origin, accept', ['Accept-Language', 'Accept'], 'origin, accept, Accept-Language'],
    ['*', ['Accept'], '*'],
    [['Origin', 'Cookie'], ['Accept'], 'Origin, Cookie, Accept'],
  ] as const)('%j + %j → %j', (existing, fields, want) => {
    expect(varyHeader(existing as string | readonly string[] | undefined, fields)).toBe(want);
  });
});
