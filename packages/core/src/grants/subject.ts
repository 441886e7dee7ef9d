/**
 * The `sub` of a user grant. The authorization endpoint stores it on the grant; grants made
 * by hosts without one get the client's usual subject (pairwise or public).
 */
import type { ProviderContext } from '../context.js';
import type { GrantRecord } from '../storage/ports.js';
import { subjectFor } from '../subjects/subject-identifier.js';
import type { ClientRecord, UserRecord } from '../types.js';

/** The grant's stored `sub`, or the one derived for this user and client. */
export function subjectOfGrant(
  ctx: ProviderContext,
  client: ClientRecord,
  grant: GrantRecord,
  user: UserRecord,
): string {
  if (grant.sub) return grant.sub;
  return subjectFor(ctx, user, client.metadata);
}
