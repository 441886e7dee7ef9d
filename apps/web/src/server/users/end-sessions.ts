/**
 * Ending end-user sessions from the admin plane, as logout at the OP ends one: the session row
 * (and its clients) goes, and so do the grants issued in it, with their codes and tokens. The
 * browser must sign in again. Back-channel logout notifications are not sent from here.
 */
import { createTransactionStores, type SecretBox } from '@tessera/db';
import type { Tx } from '../record-change';

/** Returns how many of `sessionIds` existed and were ended. */
export async function endSessions(
  tx: Tx,
  tenantId: string,
  secretBox: SecretBox,
  sessionIds: readonly string[],
): Promise<number> {
  const stores = createTransactionStores(tx, tenantId, { secretBox });
  let ended = 0;
  for (const sessionId of sessionIds) {
    if (await stores.sessions.delete(sessionId)) ended++;
    await stores.grants.revokeBySession(sessionId);
  }
  return ended;
}

/** Every session of a user, expired ones included (they would otherwise wait for the sweeper). */
export async function sessionIdsOf(tx: Tx, tenantId: string, userId: string): Promise<string[]> {
  const rows = await tx.session.findMany({ where: { tenantId, userId }, select: { id: true } });
  return rows.map((row) => row.id);
}
