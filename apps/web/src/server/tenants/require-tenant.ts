import type { Db } from '@tessera/db';
import { notFound } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';

export interface TenantRow {
  id: string;
  slug: string;
  name: string;
  status: string;
  settings: unknown;
  configVersion: number;
}

/**
 * The tenant a change targets. Access is checked before the lookup, so a tenant admin learns
 * nothing about tenants outside their grants (FORBIDDEN whether or not it exists).
 *
 * @example const tenant = await requireTenant(deps.db, principal, tenantId);
 */
export async function requireTenant(
  db: Db,
  principal: Principal,
  tenantId: string,
): Promise<TenantRow> {
  assertTenantAccess(principal, tenantId);
  const row = await db.tenant.findUnique({
    where: { id: tenantId },
    select: { id: true, slug: true, name: true, status: true, settings: true, configVersion: true },
  });
  if (!row) throw notFound('tenant', tenantId);
  return row;
}
