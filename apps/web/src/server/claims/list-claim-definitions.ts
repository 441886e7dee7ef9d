import type { ServiceDeps } from '../../graphql/context';
import { assertTenantAccess, type Principal } from '../principal';
import { type ClaimDefinitionView, claimDefinitionView } from './definition-views';
import { requireTenant } from './require-tenant';

export interface ListClaimDefinitionsOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
}

/**
 * A tenant's custom claim definitions by name (at most MAX_CLAIM_DEFINITIONS, so one list).
 *
 * @example const claims = await listClaimDefinitions({ deps, principal, tenantId });
 */
export async function listClaimDefinitions(
  options: ListClaimDefinitionsOptions,
): Promise<ClaimDefinitionView[]> {
  const { deps, principal, tenantId } = options;
  assertTenantAccess(principal, tenantId);
  await requireTenant(deps.db, tenantId);
  const rows = await deps.db.claimDefinition.findMany({
    where: { tenantId },
    orderBy: { name: 'asc' },
  });
  return rows.map(claimDefinitionView);
}
