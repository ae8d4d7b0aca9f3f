import { describe, expect, it } from 'vitest';
import { matchLocale, negotiateLocale } from './locale.js';

const available = ['en', 'fr', 'ko', 'zh-TW'];

describe('negotiateLocale', () => {
  it.each([
    ['exact tag', 'fr', 'fr'],
    ['region falls back to its language', 'fr-CA', 'fr'],
    ['tags are compared without case', 'ZH-tw', 'zh-TW'],
    ['a language finds its regional locale', 'zh', 'zh-TW'],
    ['highest q-value wins, not the first listed', 'fr;q=0.4, ko;q=0.9, en;q=0.1', 'ko'],
    ['a region with a lower q still beats an unavailable one', 'de-DE, fr-CA;q=0.5', 'fr'],
    ['q=0 excludes a locale', 'fr;q=0, *;q=0.1', 'en'],
    ['wildcard gives the default (first) locale', '*', 'en'],
    ['nothing acceptable gives the fallback', 'de, ja', 'en'],
    ['empty header gives the fallback', '', 'en'],
    ['garbage gives the fallback', ';;;,,q=abc,=', 'en'],
    ['garbage around a real tag still finds it', 'xx;q=zz, ;;, ko;q=0.3', 'ko'],
    ['a script subtag finds the locale written in it', 'zh-Hant-TW', 'zh-TW'],
    ['another Traditional Chinese region finds it too', 'zh-HK', 'zh-TW'],
    ['Simplified Chinese is not Traditional', 'zh-CN', 'en'],
    ['script matching follows the client\'s order', 'zh-Hans, zh-Hant;q=0.5', 'zh-TW'],
  ])('%s: %j → %s', (_name, header, want) => {
    expect(negotiateLocale(header, available)).toBe(want);
  });

  it('uses the fallback when the header is missing', () => {
    expect(negotiateLocale(undefined, available, 'ko')).toBe('ko');
    expect(negotiateLocale(null, available)).toBe('en');
  });

  it('joins a header that arrived as several lines', () => {
    expect(negotiateLocale(['de', 'ko;q=0.5'], available)).toBe('ko');
  });
});

describe('matchLocale', () => {
  it('finds a locale by name or language and falls back otherwise', () => {
    expect(matchLocale('zh-tw', available, 'en')).toBe('zh-TW');
    expect(matchLocale('fr-BE', available, 'en')).toBe('fr');
    expect(matchLocale('pt', available, 'en')).toBe('en');
    expect(matchLocale(undefined, available, 'ko')).toBe('ko');
  });
});
