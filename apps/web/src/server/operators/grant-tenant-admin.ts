import { randomUUID } from 'node:crypto';
import type { ServiceDeps } from '../../graphql/context';
import { notFound } from '../errors';
import { assertPlatformOperator, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { assertTenantsExist } from './assert-tenants-exist';
import { OPERATOR_VIEW_SELECT, type OperatorView, operatorView } from './operator-view';

export interface GrantTenantAdminOptions {
  deps: ServiceDeps;
  principal: Principal;
  operatorId: string;
  tenantId: string;
}

/**
 * Makes an operator an admin of one more tenant; granting a role it holds already changes
 * nothing (and records nothing). Platform operators only.
 *
 * @example await grantTenantAdmin({ deps, principal, operatorId, tenantId: acme.id });
 */
export async function grantTenantAdmin(options: GrantTenantAdminOptions): Promise<OperatorView> {
  const { deps, principal, operatorId, tenantId } = options;
  assertPlatformOperator(principal);
  await assertTenantsExist(deps.db, [{ tenantId, path: 'tenantId' }]);
  const current = await deps.db.operator.findUnique({
    where: { id: operatorId },
    select: OPERATOR_VIEW_SELECT,
  });
  if (!current) throw notFound('operator', operatorId);
  if (current.memberships.some((m) => m.role === 'tenant_admin' && m.tenantId === tenantId)) {
    return operatorView(current);
  }
  const membershipId = randomUUID();
  const row = await recordChange(
    {
      db: deps.db,
      principal,
      tenantId: null,
      action: 'operator.membership.grant',
      objectType: 'operator',
      objectId: operatorId,
      details: { membershipId, role: 'tenant_admin', tenantId },
      now: deps.now,
    },
    async (tx) => {
      await tx.membership.create({
        data: {
          id: membershipId,
          operatorId,
          tenantId,
          role: 'tenant_admin',
          createdAt: deps.now(),
        },
        select: { id: true },
      });
      return tx.operator.findUniqueOrThrow({
        where: { id: operatorId },
        select: OPERATOR_VIEW_SELECT,
      });
    },
  );
  return operatorView(row);
}
