/**
 * The host half of RFC 7591 3: under the `initial_access_token` registration policy the engine
 * asks whether a presented Bearer token is one the tenant's operators issued (apps/web stores
 * only its hash). The lookup is scoped to the tenant, so another tenant's token is unknown here.
 */
import { type Clock, hashToken } from '@tessera/core';
import type { Db } from '@tessera/db';

/**
 * @example Provider.create({ ..., verifyInitialAccessToken: initialAccessTokenVerifier(db, tenantId, clock) })
 */
export function initialAccessTokenVerifier(
  db: Db,
  tenantId: string,
  clock: Clock,
): (token: string) => Promise<boolean> {
  return async (token) => {
    const now = new Date(clock() * 1000);
    const row = await db.initialAccessToken.findFirst({
      where: {
        tenantId,
        hash: hashToken(token),
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      },
      select: { id: true },
    });
    return row !== null;
  };
}
