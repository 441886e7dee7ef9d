/**
 * The platform's own `admin` tenant, seeded by apps/op at its first start: operators are its
 * users and API clients its clients.
 */
import { ADMIN_TENANT_SLUG, parseTenantSettings, type TenantSettings } from '@tessera/db';

import { AppError } from '../errors';
import type { Tx } from '../record-change';

export interface AdminTenant {
  id: string;
  settings: TenantSettings;
}

/** @example const admin = await findAdminTenant(deps.db); */
export async function findAdminTenant(db: Tx): Promise<AdminTenant> {
  const row = await db.tenant.findUnique({
    where: { slug: ADMIN_TENANT_SLUG },
    select: { id: true, settings: true },
  });
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      `No tenant '${ADMIN_TENANT_SLUG}': start apps/op once, it seeds the admin tenant`,
    );
  }
  return { id: row.id, settings: parseTenantSettings(row.settings) };
}
