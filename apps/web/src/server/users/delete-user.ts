import type { ServiceDeps } from '../../graphql/context';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange, type Tx } from '../record-change';
import { endSessions, sessionIdsOf } from './end-sessions';
import { requireUser } from './user-rows';
import type { UserView } from './user-view';

export interface DeleteUserOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  userId: string;
}

/**
 * Deletes a user and everything that names them: sessions, grants with their codes and tokens,
 * consents, subject mappings and counted login failures, in one transaction. Returns what was
 * removed.
 *
 * @example const removed = await deleteUser({ deps, principal, tenantId, userId });
 */
export async function deleteUser(options: DeleteUserOptions): Promise<UserView> {
  const { deps, principal, tenantId, userId } = options;
  assertTenantAccess(principal, tenantId);
  const user = await requireUser(deps.db, tenantId, userId);
  await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'user.delete',
      objectType: 'user',
      objectId: userId,
      details: { loginName: user.loginName },
      bumpConfigVersion: false,
      now: deps.now,
    },
    async (tx) => {
      await requireUser(tx, tenantId, userId);
      await endSessions(tx, tenantId, deps.secretBox, await sessionIdsOf(tx, tenantId, userId));
      await deleteIssuedTo(tx, tenantId, userId);
      await tx.user.delete({ where: { tenantId_id: { tenantId, id: userId } } });
    },
  );
  return user;
}

/** What the OP issued to or remembers of the user, beyond their sessions. */
async function deleteIssuedTo(tx: Tx, tenantId: string, userId: string): Promise<void> {
  const grants = await tx.grant.findMany({ where: { tenantId, userId }, select: { id: true } });
  const byGrant = { tenantId, grantId: { in: grants.map((grant) => grant.id) } };
  await tx.authorizationCode.deleteMany({ where: byGrant });
  await tx.refreshToken.deleteMany({ where: byGrant });
  await tx.accessToken.deleteMany({ where: byGrant });
  await tx.accessToken.deleteMany({ where: { tenantId, userId } });
  await tx.grant.deleteMany({ where: { tenantId, userId } });
  await tx.consent.deleteMany({ where: { tenantId, userId } });
  await tx.subject.deleteMany({ where: { tenantId, userId } });
  // apps/op counts a known user's failed logins under this key (src/login/authenticate-user.ts).
  await tx.loginFailure.deleteMany({ where: { tenantId, accountKey: `user:${userId}` } });
}
