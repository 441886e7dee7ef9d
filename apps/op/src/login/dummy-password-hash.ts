/**
 * A real scrypt hash of a random password nobody knows. Checking a login without a user (or a
 * user without a password) against it costs what a real check costs, so the response time does
 * not reveal which logins exist.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_SCRYPT_PARAMS, hashPassword, type ScryptParams } from '@tessera/db';

const hashes = new Map<string, Promise<string>>();

/**
 * The dummy hash for `params`, made once per process and parameter set.
 *
 * @example
 * const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
 */
export function dummyPasswordHash(params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  const key = `${params.ln},${params.r},${params.p}`;
  let hash = hashes.get(key);
  if (!hash) {
    hash = hashPassword(randomBytes(32).toString('base64url'), params);
    hashes.set(key, hash);
  }
  return hash;
}
