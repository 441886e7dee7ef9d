import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT_PARAMS,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  needsRehash,
  type ScryptParams,
  verifyPassword,
} from '../../src/secrets/index.js';

/** Cheap parameters so that most tests take microseconds; one test keeps the defaults. */
const FAST: ScryptParams = { ln: 4, r: 8, p: 1 };
const STORED = /^scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$[\w-]{22}\$[\w-]{43}$/;

describe('Password hashing with scrypt', () => {
  it('verifies a password hashed with the default parameters and records them', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(STORED);
    expect(stored.startsWith('scrypt$ln=15,r=8,p=1$')).toBe(true);
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ ln: 15, r: 8, p: 1 });
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('rejects a wrong password', async () => {
    const stored = await hashPassword('s3cret', FAST);
    for (const wrong of [
      's3cre',
      's3cret ',
      'S3cret',
      's3cret\0',
      'x'.repeat(MAX_PASSWORD_LENGTH),
    ]) {
      expect(await verifyPassword(wrong, stored)).toBe(false);
    }
    expect(await verifyPassword('s3cret', stored)).toBe(true);
  });

  it('uses a fresh salt for every hash', async () => {
    const [first, second] = await Promise.all([
      hashPassword('same', FAST),
      hashPassword('same', FAST),
    ]);
    expect(first).not.toBe(second);
    expect(first.split('$')[2]).not.toBe(second.split('$')[2]);
    expect(await verifyPassword('same', first)).toBe(true);
    expect(await verifyPassword('same', second)).toBe(true);
  });

  it('treats malformed or implausible stored values as no match instead of throwing', async () => {
    const valid = await hashPassword('password', FAST);
    const [, params, salt, hash] = valid.split('$') as [string, string, string, string];
    // A truncated hash re-encoded canonically: scrypt's shorter output is a prefix of the longer.
    const truncated = (bytes: number) =>
      Buffer.from(hash, 'base64url').subarray(0, bytes).toString('base64url');
    const malformed = [
      '',
      'password',
      `bcrypt$${params}$${salt}$${hash}`,
      `scrypt$${params}$${salt}`,
      `scrypt$${params}$${salt}$${hash}$`,
      `scrypt$ln=4,r=8$${salt}$${hash}`,
      `scrypt$ln=0,r=8,p=1$${salt}$${hash}`,
      `scrypt$ln=04,r=8,p=1$${salt}$${hash}`,
      `scrypt$ln=40,r=8,p=1$${salt}$${hash}`,
      `scrypt$ln=4,r=99,p=1$${salt}$${hash}`,
      `scrypt$ln=19,r=8,p=1$${salt}$${hash}`,
      `scrypt$${params}$${salt}$${hash}=`,
      `scrypt$${params}$${salt}$${hash.slice(0, -1)}`,
      `scrypt$${params}$${salt}$${hash.slice(0, 8)}`,
      `scrypt$${params}$${salt}$${truncated(31)}`,
      `scrypt$${params}$${salt}$${truncated(16)}`,
      `scrypt$${params}$${salt}$${hash}AAAA`,
      `scrypt$${params}$${salt.slice(0, 4)}$${hash}`,
      `scrypt$${params}$${salt}$${hash.slice(0, -1)}+`,
      null,
      undefined,
      42,
    ];
    for (const stored of malformed) {
      await expect(verifyPassword('password', stored as string)).resolves.toBe(false);
      expect(needsRehash(stored as string)).toBe(true);
    }
  });

  it('asks for a rehash only when the stored parameters are below the current ones', async () => {
    const weak = await hashPassword('password', FAST);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, FAST)).toBe(false);
    expect(needsRehash(weak, { ln: 4, r: 8, p: 2 })).toBe(true);
    expect(needsRehash(weak, { ln: 4, r: 16, p: 1 })).toBe(true);
    expect(needsRehash(weak, { ln: 3, r: 8, p: 1 })).toBe(false);
    const stronger = await hashPassword('password', { ln: 5, r: 8, p: 1 });
    expect(needsRehash(stronger, FAST)).toBe(false);
    // The strongest setting the bounds allow still parses (no derivation needed to check).
    const [, , salt, hash] = weak.split('$');
    expect(needsRehash(`scrypt$ln=18,r=8,p=1$${salt}$${hash}`)).toBe(false);
  });

  it('normalizes with NFKC so equivalent spellings of a password match', async () => {
    const ligature = await hashPassword('\uFB01sh', FAST); // 'ﬁsh' with the fi ligature
    expect(await verifyPassword('fish', ligature)).toBe(true);
    const composed = await hashPassword('caf\u00E9', FAST); // é as one code point
    expect(await verifyPassword('cafe\u0301', composed)).toBe(true); // e + combining accent
    const fullWidth = await hashPassword('\uFF11\uFF12\uFF13', FAST); // full-width 123
    expect(await verifyPassword('123', fullWidth)).toBe(true);
    expect(await verifyPassword('cafe', composed)).toBe(false);
  });

  it('rejects empty and overlong passwords with a TypeError', async () => {
    await expect(hashPassword('', FAST)).rejects.toThrow(TypeError);
    // HMAC zero-pads its key, so 'pw\0' would otherwise hash exactly like 'pw'.
    await expect(hashPassword('pw\0', FAST)).rejects.toThrow(TypeError);
    await expect(hashPassword('x'.repeat(MAX_PASSWORD_LENGTH + 1), FAST)).rejects.toThrow(
      TypeError,
    );
    await expect(hashPassword(undefined as unknown as string, FAST)).rejects.toThrow(TypeError);
    const longest = await hashPassword('x'.repeat(MAX_PASSWORD_LENGTH), FAST);
    expect(await verifyPassword('x'.repeat(MAX_PASSWORD_LENGTH), longest)).toBe(true);
    expect(await verifyPassword('', longest)).toBe(false);
    expect(await verifyPassword('x'.repeat(MAX_PASSWORD_LENGTH + 1), longest)).toBe(false);
  });

  it('rejects scrypt parameters outside the supported bounds', async () => {
    for (const params of [
      { ln: 0, r: 8, p: 1 },
      { ln: 4.5, r: 8, p: 1 },
      { ln: 21, r: 8, p: 1 },
      { ln: 4, r: 0, p: 1 },
      { ln: 4, r: 8, p: 17 },
      { ln: 19, r: 8, p: 1 },
    ]) {
      await expect(hashPassword('password', params)).rejects.toThrow(TypeError);
    }
  });
});
