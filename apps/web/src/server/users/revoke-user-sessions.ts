import type { ServiceDeps } from '../../graphql/context';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { endSessions, sessionIdsOf } from './end-sessions';
import { requireUser } from './user-rows';

export interface RevokeUserSessionsOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  userId: string;
}

/**
 * Ends every session of a user ("sign out everywhere") and revokes the tokens issued in them.
 * Returns how many sessions ended.
 *
 * @example const ended = await revokeUserSessions({ deps, principal, tenantId, userId });
 */
export async function revokeUserSessions(options: RevokeUserSessionsOptions): Promise<number> {
  const { deps, principal, tenantId, userId } = options;
  assertTenantAccess(principal, tenantId);
  await requireUser(deps.db, tenantId, userId);
  return recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'user.sessions.revoke',
      objectType: 'user',
      objectId: userId,
      bumpConfigVersion: false,
      now: deps.now,
    },
    async (tx) =>
      endSessions(tx, tenantId, deps.secretBox, await sessionIdsOf(tx, tenantId, userId)),
  );
}
