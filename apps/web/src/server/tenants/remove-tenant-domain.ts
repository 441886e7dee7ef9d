import type { ServiceDeps } from '../../graphql/context';
import { notFound } from '../errors';
import type { Principal } from '../principal';
import { recordChange } from '../record-change';
import { normalizeDomain } from './domain-name';
import { requireTenant } from './require-tenant';
import { loadTenantView, type TenantView } from './tenant-view';

export interface RemoveTenantDomainOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  domain: string;
}

/**
 * Stops serving the tenant on a custom domain; tokens issued under that issuer stop being
 * accepted by relying parties that check `iss`. Platform operators and the tenant's admins.
 *
 * @example await removeTenantDomain({ deps, principal, tenantId, domain: 'id.acme.com' });
 */
export async function removeTenantDomain(options: RemoveTenantDomainOptions): Promise<TenantView> {
  const { deps, principal, tenantId } = options;
  const domain = normalizeDomain(options.domain);
  await requireTenant(deps.db, principal, tenantId);
  await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'tenant.domain.remove',
      objectType: 'tenant',
      objectId: tenantId,
      details: { domain },
      now: deps.now,
    },
    async (tx) => {
      // Only this tenant's row: another tenant's domain is as absent as an unknown one.
      const { count } = await tx.tenantDomain.deleteMany({ where: { domain, tenantId } });
      if (count === 0) throw notFound('domain', domain);
    },
  );
  return loadTenantView(deps.db, tenantId, deps.opPublicUrl);
}
