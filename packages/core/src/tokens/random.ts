import { randomFillSync } from 'node:crypto';
import type { RandomSource } from '../types.js';

/**
 * Every call into OpenSSL costs microseconds, and a token exchange needs several random values,
 * so small requests are served from a pool filled by the CSPRNG in one go (as Node's own
 * `randomUUID` does). Each byte is handed out once: the pool is refilled, never re-read.
 */
const POOL_SIZE = 4096;
const pool = Buffer.allocUnsafe(POOL_SIZE);
let offset = POOL_SIZE;

export const defaultRandom: RandomSource = (length) => {
  if (length > POOL_SIZE / 4) return randomFillSync(Buffer.allocUnsafe(length));
  if (offset + length > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  // A copy, so no caller ever shares memory with the pool or with another caller.
  const bytes = Buffer.from(pool.subarray(offset, offset + length));
  offset += length;
  return bytes;
};

/** 256 bits of randomness, base64url: the shape of every code, token and generated secret. */
export function randomToken(random: RandomSource, bytes = 32): string {
  const value = random(bytes);
  return (Buffer.isBuffer(value) ? value : Buffer.from(value)).toString('base64url');
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A URL-safe identifier of `length` characters (client ids, session ids), without modulo bias. */
export function randomId(random: RandomSource, length = 22): string {
  let out = '';
  while (out.length < length) {
    for (const byte of random(length)) {
      // 62 * 4 = 248: bytes at or above it would bias the alphabet, so they are skipped.
      if (byte < 248 && out.length < length) out += ID_ALPHABET[byte % 62];
    }
  }
  return out;
}
