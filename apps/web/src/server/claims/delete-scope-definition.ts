import type { ServiceDeps } from '../../graphql/context';
import { notFound } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { type ScopeDefinitionView, scopeDefinitionView } from './definition-views';
import { requireTenant } from './require-tenant';

export interface DeleteScopeDefinitionOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  name: string;
}

/**
 * Removes a custom scope; clients asking for it afterwards have it dropped from their grant
 * (unknown scopes are ignored, OIDC Core 3.1.2.1). A redefined standard scope returns to its
 * standard claims.
 *
 * @example const removed = await deleteScopeDefinition({ deps, principal, tenantId, name: 'org' });
 */
export async function deleteScopeDefinition(
  options: DeleteScopeDefinitionOptions,
): Promise<ScopeDefinitionView> {
  const { deps, principal, tenantId, name } = options;
  assertTenantAccess(principal, tenantId);
  await requireTenant(deps.db, tenantId);
  const row = await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'scope_definition.delete',
      objectType: 'scope_definition',
      objectId: name,
      now: deps.now,
    },
    async (tx) => {
      const key = { tenantId_name: { tenantId, name } };
      const existing = await tx.scopeDefinition.findUnique({ where: key });
      if (!existing) throw notFound('scope definition', name);
      await tx.scopeDefinition.delete({ where: key });
      return existing;
    },
  );
  return scopeDefinitionView(row);
}
