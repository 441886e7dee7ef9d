import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCsrfTokens } from '../../src/interaction/csrf';

const binding = {
  issuer: 'https://op.example.com/acme',
  interactionId: 'interaction-1',
  browserBinding: 'cookie-value-1',
};

describe('CSRF tokens of the interaction forms', () => {
  const masterKey = randomBytes(32);

  it('accepts the token made for the same interaction and browser', () => {
    const csrf = createCsrfTokens(masterKey);
    expect(csrf.verify(csrf.tokenFor(binding), binding)).toBe(true);
  });

  it('accepts a token made by another instance with the same master key', () => {
    const token = createCsrfTokens(masterKey).tokenFor(binding);
    expect(createCsrfTokens(Buffer.from(masterKey)).verify(token, binding)).toBe(true);
  });

  it('rejects a token made under another master key', () => {
    const token = createCsrfTokens(randomBytes(32)).tokenFor(binding);
    expect(createCsrfTokens(masterKey).verify(token, binding)).toBe(false);
  });

  it('rejects a token of another browser, interaction or issuer', () => {
    const csrf = createCsrfTokens(masterKey);
    const token = csrf.tokenFor(binding);
    expect(csrf.verify(token, { ...binding, browserBinding: 'cookie-value-2' })).toBe(false);
    expect(csrf.verify(token, { ...binding, interactionId: 'interaction-2' })).toBe(false);
    expect(csrf.verify(token, { ...binding, issuer: 'https://op.example.com/other' })).toBe(false);
  });

  it('keeps fields apart, so moving characters between them changes the token', () => {
    const csrf = createCsrfTokens(masterKey);
    const a = csrf.tokenFor({ ...binding, interactionId: 'ab', browserBinding: 'c' });
    const b = csrf.tokenFor({ ...binding, interactionId: 'a', browserBinding: 'bc' });
    expect(a).not.toBe(b);
  });

  it('rejects missing, empty, malformed and truncated tokens', () => {
    const csrf = createCsrfTokens(masterKey);
    const token = csrf.tokenFor(binding);
    for (const bad of [
      undefined,
      '',
      'short',
      `${token}A`,
      token.slice(0, -1),
      `${token.slice(0, -1)}!`,
    ]) {
      expect(csrf.verify(bad, binding)).toBe(false);
    }
  });
});
