/** The tenant a definition or key belongs to must exist; looked up after the access check. */
import type { Db } from '@tessera/db';
import { notFound } from '../errors';
import type { Tx } from '../record-change';

/** @example const tenant = await requireTenant(deps.db, tenantId); // or NOT_FOUND */
export async function requireTenant(
  db: Db | Tx,
  tenantId: string,
): Promise<{ id: string; configVersion: number; settings: unknown }> {
  const tenant = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { id: true, configVersion: true, settings: true },
  });
  if (!tenant) throw notFound('tenant', tenantId);
  return tenant;
}
