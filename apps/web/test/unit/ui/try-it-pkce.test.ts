import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomToken, s256Challenge } from '../../../src/ui/try-it/pkce';

afterEach(() => vi.restoreAllMocks());

describe('PKCE RFC 7636', () => {
  it('derives the appendix B challenge from its verifier', async () => {
    expect(await s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('agrees with base64url SHA-256 for other verifiers', async () => {
    for (const verifier of ['a', 'x'.repeat(128), '~._-0123456789']) {
      const expected = createHash('sha256').update(verifier).digest('base64url');
      expect(await s256Challenge(verifier)).toBe(expected);
    }
  });
});

describe('randomToken', () => {
  it('is 43 base64url characters, different each time', () => {
    const tokens = [randomToken(), randomToken()];
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens[0]).not.toBe(tokens[1]);
  });

  it('encodes 32 random bytes as unpadded base64url', () => {
    // Web Crypto's overloads admit no plain mock; the module only ever passes a Uint8Array.
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(((bytes: Uint8Array) =>
      bytes.fill(255)) as never);
    expect(randomToken()).toBe('__________________________________________8');
  });
});
