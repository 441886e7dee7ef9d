import type { ServiceDeps } from '../../graphql/context';
import { validationFailed } from '../errors';
import type { Principal } from '../principal';
import { recordChange } from '../record-change';
import { requireTenant } from './require-tenant';
import { tenantNameProblem } from './tenant-name';
import { loadTenantView, type TenantView } from './tenant-view';

export interface RenameTenantOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  name: string;
}

/**
 * Changes a tenant's display name (its slug, and so its issuer, stays). Platform operators and
 * the tenant's admins.
 *
 * @example await renameTenant({ deps, principal, tenantId, name: 'Acme Corp' });
 */
export async function renameTenant(options: RenameTenantOptions): Promise<TenantView> {
  const { deps, principal, tenantId } = options;
  const name = options.name.trim();
  const tenant = await requireTenant(deps.db, principal, tenantId);
  const problem = tenantNameProblem(name);
  if (problem) throw validationFailed([{ path: 'name', message: problem }]);
  if (name !== tenant.name) {
    await recordChange(
      {
        db: deps.db,
        principal,
        tenantId,
        action: 'tenant.rename',
        objectType: 'tenant',
        objectId: tenantId,
        details: { from: tenant.name, to: name },
        now: deps.now,
      },
      (tx) => tx.tenant.update({ where: { id: tenantId }, data: { name }, select: { id: true } }),
    );
  }
  return loadTenantView(deps.db, tenantId, deps.opPublicUrl);
}
