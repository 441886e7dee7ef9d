import type { ServiceDeps } from '../../graphql/context';
import { listClaimDefinitions } from '../claims/list-claim-definitions';
import { listScopeDefinitions } from '../claims/list-scope-definitions';
import type { Principal } from '../principal';
import { getTenant } from '../tenants/get-tenant';
import type { TenantConfigDocument } from './document-schema';
import { documentClients } from './tenant-objects';

export interface ExportTenantConfigOptions {
  deps: ServiceDeps;
  principal: Principal;
  slug: string;
}

/**
 * A tenant's configuration as a document: tenant, settings (without the subject salt), custom
 * domains, claim and scope definitions, and clients (metadata only). No secrets, users or keys.
 * Applying it to another slug makes a tenant configured the same way.
 *
 * @example const document = await exportTenantConfig({ deps, principal, slug: 'acme' });
 */
export async function exportTenantConfig(
  options: ExportTenantConfigOptions,
): Promise<TenantConfigDocument> {
  const { deps, principal } = options;
  const tenant = await getTenant({ deps, principal, slug: options.slug });
  const scope = { deps, principal, tenantId: tenant.id };
  const [claims, scopes, clients] = await Promise.all([
    listClaimDefinitions(scope),
    listScopeDefinitions(scope),
    documentClients({ ...scope, slug: tenant.slug }),
  ]);
  const { subjectSalt: _neverExported, ...settings } = tenant.settings;
  return {
    tenant: {
      slug: tenant.slug,
      name: tenant.name,
      status: tenant.status as 'active' | 'disabled',
    },
    settings,
    domains: [...tenant.domains].sort(),
    claims: claims.map(({ name, description, type }) => ({ name, description, type })),
    scopes: scopes.map(({ name, description, claims }) => ({ name, description, claims })),
    clients: [...clients.values()].map(({ clientId, metadata }) => ({
      clientId,
      metadata: metadata as Record<string, unknown>,
    })),
  };
}
