import { isUniqueViolation } from '@tessera/db';
import type { ServiceDeps } from '../../graphql/context';
import { conflict, validationFailed } from '../errors';
import type { Principal } from '../principal';
import { recordChange } from '../record-change';
import { domainProblem, normalizeDomain } from './domain-name';
import { requireTenant } from './require-tenant';
import { loadTenantView, type TenantView } from './tenant-view';

export interface AddTenantDomainOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  /** A host name such as `id.acme.com`; stored lower-cased. */
  domain: string;
}

/**
 * Lets the tenant be served on a custom domain: requests with that Host reach its provider,
 * whose issuer is then `https://{domain}`. (DNS and TLS for the domain are the operator's job.)
 * A domain belongs to one tenant at most. Platform operators and the tenant's admins.
 *
 * @example await addTenantDomain({ deps, principal, tenantId, domain: 'id.acme.com' });
 */
export async function addTenantDomain(options: AddTenantDomainOptions): Promise<TenantView> {
  const { deps, principal, tenantId } = options;
  const domain = normalizeDomain(options.domain);
  await requireTenant(deps.db, principal, tenantId);
  const problem = domainProblem(domain, new URL(deps.opPublicUrl).hostname);
  if (problem) throw validationFailed([{ path: 'domain', message: `The domain ${problem}` }]);
  try {
    await recordChange(
      {
        db: deps.db,
        principal,
        tenantId,
        action: 'tenant.domain.add',
        objectType: 'tenant',
        objectId: tenantId,
        details: { domain },
        now: deps.now,
      },
      (tx) => tx.tenantDomain.create({ data: { domain, tenantId }, select: { domain: true } }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`The domain '${domain}' is taken already`);
    throw error;
  }
  return loadTenantView(deps.db, tenantId, deps.opPublicUrl);
}
