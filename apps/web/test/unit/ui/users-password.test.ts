import { afterEach, describe, expect, it, vi } from 'vitest';
import { generatePassword } from '../../../src/ui/users/password';

afterEach(() => vi.restoreAllMocks());

describe('generatePassword', () => {
  it('is 20 letters and digits without look-alikes (0 O 1 I l)', () => {
    for (let run = 0; run < 50; run++) {
      expect(generatePassword()).toMatch(/^[A-HJ-NP-Za-km-z2-9]{20}$/);
    }
    expect(generatePassword()).not.toBe(generatePassword());
  });

  it('skips bytes from 228 up, which would favour the first 28 characters', () => {
    let call = 0;
    // Web Crypto's overloads admit no plain mock; the module only ever passes a Uint8Array.
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(((bytes: Uint8Array) => {
      if (call++ === 0) bytes.fill(228);
      else
        bytes.forEach((_, index) => {
          bytes[index] = index === 0 ? 227 : index;
        });
      return bytes;
    }) as never);
    expect(generatePassword()).toBe('9BCDEFGHJKLMNPQRSTUV');
    expect(call).toBe(2);
  });
});
