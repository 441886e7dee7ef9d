import { randomBytes } from 'node:crypto';
import type { RandomSource } from '../types.js';

export const defaultRandom: RandomSource = (length) => randomBytes(length);

/** 256 bits of randomness, base64url: the shape of every code, token and generated secret. */
export function randomToken(random: RandomSource, bytes = 32): string {
  return Buffer.from(random(bytes)).toString('base64url');
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
