import type { Db } from '@tessera/db';
import type { ServiceDeps } from '../../graphql/context';
import { assertTenantAccess, type Principal } from '../principal';
import type { Tx } from '../record-change';
import { requireUser } from './user-rows';
import { USER_SESSION_SELECT, type UserSessionView, userSessionView } from './user-session-view';

/** Bounds one answer; a user has a session per browser, and sessions expire. */
export const MAX_LISTED_SESSIONS = 100;

export interface ListUserSessionsOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  userId: string;
}

/**
 * A user's live sessions at the OP, newest first (at most 100).
 *
 * @example const sessions = await listUserSessions({ deps, principal, tenantId, userId });
 */
export async function listUserSessions(
  options: ListUserSessionsOptions,
): Promise<UserSessionView[]> {
  const { deps, principal, tenantId, userId } = options;
  assertTenantAccess(principal, tenantId);
  await requireUser(deps.db, tenantId, userId);
  const rows = await deps.db.session.findMany({
    where: { tenantId, userId, expiresAt: { gt: deps.now() } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: MAX_LISTED_SESSIONS,
    select: USER_SESSION_SELECT,
  });
  const clients = await clientIdsBySession(
    deps.db,
    tenantId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => userSessionView(row, clients.get(row.id) ?? []));
}

/** The clients of each session, in joining order. */
export async function clientIdsBySession(
  db: Db | Tx,
  tenantId: string,
  sessionIds: string[],
): Promise<Map<string, string[]>> {
  const rows = await db.sessionClient.findMany({
    where: { tenantId, sessionId: { in: sessionIds } },
    orderBy: [{ position: 'asc' }, { clientId: 'asc' }],
    select: { sessionId: true, clientId: true },
  });
  const bySession = new Map<string, string[]>();
  for (const row of rows) {
    bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), row.clientId]);
  }
  return bySession;
}
