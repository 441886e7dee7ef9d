import type { ServiceDeps } from '../../graphql/context';
import { assertTenantAccess, type Principal } from '../principal';
import { type ScopeDefinitionView, scopeDefinitionView } from './definition-views';
import { requireTenant } from './require-tenant';

export interface ListScopeDefinitionsOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
}

/**
 * A tenant's custom scopes (scope -> claims) by name; the standard OpenID Connect scopes are
 * not listed unless the tenant redefined one.
 *
 * @example const scopes = await listScopeDefinitions({ deps, principal, tenantId });
 */
export async function listScopeDefinitions(
  options: ListScopeDefinitionsOptions,
): Promise<ScopeDefinitionView[]> {
  const { deps, principal, tenantId } = options;
  assertTenantAccess(principal, tenantId);
  await requireTenant(deps.db, tenantId);
  const rows = await deps.db.scopeDefinition.findMany({
    where: { tenantId },
    orderBy: { name: 'asc' },
  });
  return rows.map(scopeDefinitionView);
}
