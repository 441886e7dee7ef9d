import { describe, expect, it } from 'vitest';
import { parseAcceptLanguage, pickLocale } from '../../src/i18n/pick-locale';

const AVAILABLE = ['en', 'de', 'pt-BR'];

describe('Choosing the language of a page', () => {
  it('prefers ui_locales over Accept-Language and the tenant default', () => {
    expect(pickLocale(['de'], 'en-US,en;q=0.9', AVAILABLE, 'en')).toBe('de');
  });

  it('takes the first ui_locales entry it has, in the order given', () => {
    expect(pickLocale(['fr', 'de', 'en'], undefined, AVAILABLE, 'en')).toBe('de');
  });

  it('falls back to Accept-Language when ui_locales names nothing available', () => {
    expect(pickLocale(['fr-CA'], 'de-AT,de;q=0.9,en;q=0.5', AVAILABLE, 'en')).toBe('de');
  });

  it('orders Accept-Language by q-value and skips q=0 and the wildcard', () => {
    expect(pickLocale(undefined, 'en;q=0.2, de;q=0.8', AVAILABLE, 'en')).toBe('de');
    expect(pickLocale(undefined, 'de;q=0, *;q=0.5', AVAILABLE, 'pt-BR')).toBe('pt-BR');
  });

  it('uses the tenant default when neither the request nor the browser names a language', () => {
    expect(pickLocale(undefined, undefined, AVAILABLE, 'de')).toBe('de');
    expect(pickLocale([], '', AVAILABLE, 'de-CH')).toBe('de');
  });

  it('falls back to the first available language when nothing matches', () => {
    expect(pickLocale(['ja'], 'ko', AVAILABLE, 'fr')).toBe('en');
  });

  it('matches regional tags by their language, and a language to a regional catalogue', () => {
    expect(pickLocale(['DE-at'], undefined, AVAILABLE, 'en')).toBe('de');
    expect(pickLocale(['pt'], undefined, AVAILABLE, 'en')).toBe('pt-BR');
    expect(pickLocale(['pt-PT'], undefined, AVAILABLE, 'en')).toBe('pt-BR');
  });

  it('reads Accept-Language tolerantly and keeps equal weights in header order', () => {
    expect(parseAcceptLanguage(' de , en;q=1, fr;q=abc, es;q=0.5')).toEqual(['de', 'en', 'es']);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });

  it('reads only the first entries of an oversized Accept-Language header', () => {
    const header = [...Array.from({ length: 50 }, (_, i) => `x${i}`), 'de'].join(',');
    expect(parseAcceptLanguage(header)).toHaveLength(20);
    expect(pickLocale(undefined, header, AVAILABLE, 'en')).toBe('en');
  });
});
