/**
 * The user a login form names: by login name, or else by email address. Emails are stored
 * lower-cased (see the schema), so lower-casing the input makes the match case-insensitive on
 * both providers. One query either way, so the lookup takes the same time for both kinds.
 */
import type { Db } from '@tessera/db';

export interface LoginUser {
  id: string;
  passwordHash: string | null;
  disabled: boolean;
}

/** A login name and an email of two other users, at most: enough to tell the cases apart. */
const CANDIDATES = 3;

/**
 * Finds the tenant's user whose login name is `login`, else the one user whose email it is. An
 * email shared by several users names nobody: guessing which one was meant could let one of
 * them sign in as another.
 *
 * @example
 * const user = await findLoginUser({ db, tenantId: tenant.id, login: 'Ada@Example.com' });
 */
export async function findLoginUser(options: {
  db: Db;
  tenantId: string;
  login: string;
}): Promise<LoginUser | undefined> {
  const { db, tenantId, login } = options;
  const candidates = await db.user.findMany({
    where: { tenantId, OR: [{ loginName: login }, { email: login.toLowerCase() }] },
    select: { id: true, loginName: true, passwordHash: true, disabled: true },
    take: CANDIDATES,
  });
  const byLoginName = candidates.find((user) => user.loginName === login);
  const chosen = byLoginName ?? (candidates.length === 1 ? candidates[0] : undefined);
  return chosen && { id: chosen.id, passwordHash: chosen.passwordHash, disabled: chosen.disabled };
}
