/**
 * Back-Channel Logout 1.0 notifications: when an OP session ends, every client that received
 * tokens in it and registered a `backchannel_logout_uri` is told, in the background, so the
 * end user's logout never waits for a slow or broken RP (2.5, 2.7).
 */
import type { ProviderContext } from '../context.js';
import type { GrantRecord, SessionRecord } from '../storage/ports.js';
import { subjectFor } from '../subjects/subject-identifier.js';
import type { ClientRecord } from '../types.js';
import { type DeliveryOutcome, deliverLogoutToken } from './backchannel-delivery.js';
import { signLogoutToken } from './logout-token.js';

/**
 * Starts one background notification per client of the ended `session` (through
 * `ctx.waitUntil`). `grants` are the session's revoked grants: they hold the exact `sub` each
 * client was given.
 */
export function notifyBackchannelClients(
  ctx: ProviderContext,
  session: SessionRecord,
  grants: GrantRecord[],
): void {
  const clientIds = new Set([...session.clientIds, ...grants.map((grant) => grant.clientId)]);
  for (const clientId of clientIds) {
    const knownSub = grants.find((grant) => grant.clientId === clientId && grant.sub)?.sub;
    ctx.waitUntil(notifyClient(ctx, clientId, session, knownSub));
  }
}

/** Notifies one client; never rejects (failures are logged), so `waitUntil` sees no errors. */
async function notifyClient(
  ctx: ProviderContext,
  clientId: string,
  session: SessionRecord,
  knownSub: string | undefined,
): Promise<DeliveryOutcome | undefined> {
  try {
    const client = await ctx.stores.clients.get(clientId);
    const uri = client?.metadata.backchannel_logout_uri;
    if (!client || !uri) return undefined;
    const sub = knownSub ?? (await currentSubject(ctx, client, session.userId));
    const token = await signLogoutToken(ctx, {
      clientId,
      alg: client.metadata.id_token_signed_response_alg,
      sid: session.id,
      ...(sub !== undefined && { sub }),
    });
    return await deliverLogoutToken(ctx, clientId, uri, token);
  } catch (error) {
    ctx.logger.warn('back-channel logout failed', { clientId, error: (error as Error)?.name });
    return undefined;
  }
}

/** The user's `sub` at this client, or undefined when the user is gone (then `sid` alone). */
async function currentSubject(
  ctx: ProviderContext,
  client: ClientRecord,
  userId: string,
): Promise<string | undefined> {
  const user = await ctx.stores.users.get(userId);
  if (!user) return undefined;
  return subjectFor(ctx, user, client.metadata);
}
