import type { ServiceDeps } from '../../graphql/context';
import { notFound } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { endSessions } from './end-sessions';
import { clientIdsBySession } from './list-user-sessions';
import { requireUser } from './user-rows';
import { USER_SESSION_SELECT, type UserSessionView, userSessionView } from './user-session-view';

export interface RevokeUserSessionOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  userId: string;
  sessionId: string;
}

/**
 * Ends one session of a user (and revokes the tokens issued in it); the browser must sign in
 * again. Returns the session that ended.
 *
 * @example await revokeUserSession({ deps, principal, tenantId, userId, sessionId });
 */
export async function revokeUserSession(
  options: RevokeUserSessionOptions,
): Promise<UserSessionView> {
  const { deps, principal, tenantId, userId, sessionId } = options;
  assertTenantAccess(principal, tenantId);
  await requireUser(deps.db, tenantId, userId);
  return recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'user.session.revoke',
      objectType: 'user',
      objectId: userId,
      details: { sessionId },
      bumpConfigVersion: false,
      now: deps.now,
    },
    async (tx) => {
      // The session must be this user's: another user's session id is simply not found.
      const row = await tx.session.findFirst({
        where: { tenantId, id: sessionId, userId },
        select: USER_SESSION_SELECT,
      });
      if (!row) throw notFound('session', sessionId);
      const clients = await clientIdsBySession(tx, tenantId, [sessionId]);
      await endSessions(tx, tenantId, deps.secretBox, [sessionId]);
      return userSessionView(row, clients.get(sessionId) ?? []);
    },
  );
}
