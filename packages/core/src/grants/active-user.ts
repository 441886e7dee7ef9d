/**
 * Tokens are only issued for users who still exist and are not disabled. A grant whose user
 * is gone is revoked, so its remaining tokens stop working too.
 */
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';
import type { GrantRecord } from '../storage/ports.js';
import type { UserRecord } from '../types.js';

/** The grant's user, or `invalid_grant` after revoking the grant. */
export async function loadActiveUser(
  ctx: ProviderContext,
  grant: GrantRecord,
): Promise<UserRecord> {
  const user = grant.userId === undefined ? undefined : await ctx.stores.users.get(grant.userId);
  if (!user || user.disabled) {
    await ctx.stores.grants.revoke(grant.id);
    throw new OAuthError('invalid_grant', 'The end user of this grant is no longer active');
  }
  return user;
}
