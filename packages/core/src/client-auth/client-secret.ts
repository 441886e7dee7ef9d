/**
 * Checking a presented client secret (client_secret_basic, client_secret_post). Only the
 * secret's hash is stored; the comparison is constant-time, and an expired secret
 * (RFC 7591 3.2.1 `client_secret_expires_at`) no longer authenticates, which pyOP ignored.
 */
import type { ProviderContext } from '../context.js';
import { hashToken, safeEqual } from '../tokens/hash.js';
import type { ClientRecord } from '../types.js';
import { clientAuthenticationFailed } from './failure.js';

/** Whether the client's secret has passed its `client_secret_expires_at` (0: never expires). */
export function isSecretExpired(client: ClientRecord, now: number): boolean {
  return client.secretExpiresAt > 0 && client.secretExpiresAt < now;
}

/** Throws `invalid_client` unless `presented` is the client's current secret. */
export function verifyClientSecret(
  ctx: Pick<ProviderContext, 'logger' | 'clock'>,
  client: ClientRecord,
  presented: string,
): void {
  const stored = client.clientSecretHash;
  // Hash and compare even without a stored secret, so both paths take the same time.
  const matches = safeEqual(hashToken(presented), stored ?? '');
  if (!stored || !matches) {
    throw clientAuthenticationFailed(ctx, 'wrong client secret', { clientId: client.clientId });
  }
  if (isSecretExpired(client, ctx.clock())) {
    throw clientAuthenticationFailed(ctx, 'client secret expired', { clientId: client.clientId });
  }
}
