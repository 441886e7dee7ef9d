import type { ServiceDeps } from '../../graphql/context';
import { conflict, notFound } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { type ClaimDefinitionView, claimDefinitionView } from './definition-views';
import { requireTenant } from './require-tenant';

export interface DeleteClaimDefinitionOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  name: string;
}

/**
 * Removes a custom claim definition. A claim that a scope still releases is a CONFLICT: the
 * scope would otherwise list a claim nobody defined. Users keep their stored values.
 *
 * @example const removed = await deleteClaimDefinition({ deps, principal, tenantId, name: 'department' });
 */
export async function deleteClaimDefinition(
  options: DeleteClaimDefinitionOptions,
): Promise<ClaimDefinitionView> {
  const { deps, principal, tenantId, name } = options;
  assertTenantAccess(principal, tenantId);
  await requireTenant(deps.db, tenantId);
  const row = await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'claim_definition.delete',
      objectType: 'claim_definition',
      objectId: name,
      now: deps.now,
    },
    async (tx) => {
      const key = { tenantId_name: { tenantId, name } };
      const existing = await tx.claimDefinition.findUnique({ where: key });
      if (!existing) throw notFound('claim definition', name);
      const scopes = await tx.scopeDefinition.findMany({
        where: { tenantId },
        select: { name: true, claims: true },
      });
      const using = scopes.filter((s) => Array.isArray(s.claims) && s.claims.includes(name));
      if (using.length > 0) {
        throw conflict(
          `The claim '${name}' is released by the scope(s) ${using.map((s) => `'${s.name}'`).join(', ')}`,
        );
      }
      await tx.claimDefinition.delete({ where: key });
      return existing;
    },
  );
  return claimDefinitionView(row);
}
