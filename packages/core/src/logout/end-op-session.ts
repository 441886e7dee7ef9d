/**
 * Ending the end user's session at the OP: the session, the grants issued in it, and the
 * back-channel notice to its clients.
 */
import type { ProviderContext } from '../context.js';
import type { SessionRecord } from '../storage/ports.js';
import { notifyBackchannelClients } from './backchannel.js';

/**
 * Deletes the session and revokes every grant issued in it, codes and access and refresh tokens
 * included. Decision: grants with `offline_access` are revoked too. Back-Channel Logout 1.0 2.7
 * says such refresh tokens "normally SHOULD NOT" be revoked, but the `GrantStore` port can only
 * revoke a session's grants as a whole; keeping them needs a port change (see the lead).
 * Only the caller that actually deleted the session notifies RPs, so two concurrent logouts
 * do not notify twice.
 */
export async function endOpSession(ctx: ProviderContext, session: SessionRecord): Promise<void> {
  const ended = await ctx.stores.sessions.delete(session.id);
  const grants = await ctx.stores.grants.revokeBySession(session.id);
  if (ended) notifyBackchannelClients(ctx, ended, grants);
}
