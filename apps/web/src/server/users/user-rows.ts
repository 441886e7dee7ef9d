/** Lookups every user service makes, after the access check: the tenant, then the user. */
import type { Db } from '@tessera/db';
import { conflict, notFound } from '../errors';
import type { Tx } from '../record-change';
import { USER_VIEW_SELECT, type UserView, userView } from './user-view';

export async function requireTenantRow(db: Db | Tx, tenantId: string): Promise<void> {
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
  if (!tenant) throw notFound('tenant', tenantId);
}

/** @example const user = await requireUser(tx, tenantId, userId); // or NOT_FOUND */
export async function requireUser(
  db: Db | Tx,
  tenantId: string,
  userId: string,
): Promise<UserView> {
  const row = await db.user.findUnique({
    where: { tenantId_id: { tenantId, id: userId } },
    select: USER_VIEW_SELECT,
  });
  if (!row) throw notFound('user', userId);
  return userView(row);
}

/** Login names are unique per tenant (the database says so too; this gives the error its words). */
export async function assertLoginNameFree(
  db: Db | Tx,
  tenantId: string,
  loginName: string,
  exceptUserId?: string,
): Promise<void> {
  const holder = await db.user.findUnique({
    where: { tenantId_loginName: { tenantId, loginName } },
    select: { id: true },
  });
  if (holder && holder.id !== exceptUserId) {
    throw conflict(`A user with login name '${loginName}' exists already`);
  }
}
