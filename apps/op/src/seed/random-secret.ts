/** Generated identifiers, passwords and secrets for seeding, all from the injected random source. */
import type { RandomSource } from '@tessera/core';

/**
 * `bytes` random bytes as base64url: 16 bytes make a 22-character id, 18 a 24-character
 * password, 32 the 43-character secret shape the core issues for registered clients.
 *
 * @example
 * const password = randomSecret(random, 18);
 */
export function randomSecret(random: RandomSource, bytes: number): string {
  return Buffer.from(random(bytes)).toString('base64url');
}
