/** Step 1: the tenant itself, created when missing, then its name and status. */
import type { ServiceDeps } from '../../graphql/context';
import { AppError } from '../errors';
import type { Principal } from '../principal';
import { createTenant } from '../tenants/create-tenant';
import { getTenant } from '../tenants/get-tenant';
import { renameTenant } from '../tenants/rename-tenant';
import { setTenantStatus } from '../tenants/set-tenant-status';
import type { TenantView } from '../tenants/tenant-view';
import { atDocumentPath, type ConfigChange } from './config-change';
import type { TenantConfigDocument } from './document-schema';

export async function applyTenantRow(
  scope: { deps: ServiceDeps; principal: Principal },
  wanted: TenantConfigDocument['tenant'],
  record: (change: ConfigChange) => void,
): Promise<TenantView> {
  let tenant = await findTenant(scope, wanted.slug);
  if (!tenant) {
    tenant = await atDocumentPath('tenant', () =>
      createTenant({ ...scope, slug: wanted.slug, name: wanted.name }),
    );
    record({ kind: 'tenant', name: wanted.slug, action: 'created' });
  } else if (tenant.name !== wanted.name) {
    const from = tenant.name;
    tenant = await atDocumentPath('tenant', () =>
      renameTenant({ ...scope, tenantId: (tenant as TenantView).id, name: wanted.name }),
    );
    record({
      kind: 'tenant',
      name: wanted.slug,
      action: 'updated',
      fields: [{ path: 'name', from, to: wanted.name }],
    });
  }
  if (tenant.status !== wanted.status) {
    const from = tenant.status;
    tenant = await atDocumentPath('tenant', () =>
      setTenantStatus({ ...scope, tenantId: (tenant as TenantView).id, status: wanted.status }),
    );
    record({
      kind: 'tenant',
      name: wanted.slug,
      action: 'updated',
      fields: [{ path: 'status', from, to: wanted.status }],
    });
  }
  return tenant;
}

async function findTenant(
  scope: { deps: ServiceDeps; principal: Principal },
  slug: string,
): Promise<TenantView | undefined> {
  try {
    return await getTenant({ ...scope, slug });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}
