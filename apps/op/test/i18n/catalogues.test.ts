import { describe, expect, it } from 'vitest';
import { AVAILABLE_LOCALES, translator } from '../../src/i18n';
import { de } from '../../src/i18n/messages/de';
import { en } from '../../src/i18n/messages/en';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('Message catalogues', () => {
  it('offers English first, as the fallback', () => {
    expect(AVAILABLE_LOCALES[0]).toBe('en');
  });

  it('gives every key in every language, with the same placeholders as English', () => {
    for (const [key, text] of Object.entries(en)) {
      const translated = de[key as keyof typeof en];
      expect(translated, key).toBeTruthy();
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('fills placeholders and leaves a missing one visible', () => {
    const t = translator('en');
    expect(t('login.toContinue', { client: 'Example RP' })).toBe('to continue to Example RP');
    expect(t('login.toContinue')).toBe('to continue to {client}');
  });

  it('does not treat placeholder syntax in a value as a placeholder again', () => {
    const t = translator('en');
    expect(t('consent.heading', { client: '{tenant}', tenant: 'Acme' })).toBe(
      '{tenant} wants to access your Acme account',
    );
  });

  it('falls back to English for an unknown locale', () => {
    expect(translator('xx')('login.heading')).toBe('Sign in');
    expect(translator('de')('login.heading')).toBe('Anmelden');
  });
});
