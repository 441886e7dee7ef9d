import type { ServiceDeps } from '../../graphql/context';
import { notFound, validationFailed } from '../errors';
import { assertPlatformOperator, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { isAdminTenant } from './admin-tenant';
import { loadTenantView, type TenantView } from './tenant-view';

export type TenantStatusValue = 'active' | 'disabled';

export interface SetTenantStatusOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  status: TenantStatusValue;
}

/**
 * Disables a tenant (apps/op answers its requests with 403 `tenant_disabled`: no logins, no
 * tokens) or enables it again; its data stays. The `admin` tenant cannot be disabled. Platform
 * operators only.
 *
 * @example await setTenantStatus({ deps, principal, tenantId, status: 'disabled' });
 */
export async function setTenantStatus(options: SetTenantStatusOptions): Promise<TenantView> {
  const { deps, principal, tenantId, status } = options;
  assertPlatformOperator(principal);
  if (status !== 'active' && status !== 'disabled') {
    throw validationFailed([{ path: 'status', message: "Must be 'active' or 'disabled'" }]);
  }
  const tenant = await deps.db.tenant.findUnique({
    where: { id: tenantId },
    select: { slug: true, status: true },
  });
  if (!tenant) throw notFound('tenant', tenantId);
  if (status === 'disabled' && isAdminTenant(tenant)) {
    throw validationFailed([
      {
        path: 'status',
        message:
          'The admin tenant cannot be disabled: operators and API clients sign in through it',
      },
    ]);
  }
  if (tenant.status !== status) {
    await recordChange(
      {
        db: deps.db,
        principal,
        tenantId,
        action: status === 'disabled' ? 'tenant.disable' : 'tenant.enable',
        objectType: 'tenant',
        objectId: tenantId,
        details: { from: tenant.status, to: status },
        now: deps.now,
      },
      (tx) => tx.tenant.update({ where: { id: tenantId }, data: { status }, select: { id: true } }),
    );
  }
  return loadTenantView(deps.db, tenantId, deps.opPublicUrl);
}
