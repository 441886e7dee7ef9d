import type { ServiceDeps } from '../../graphql/context';
import { AppError, notFound } from '../errors';
import { assertPlatformOperator, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { OPERATOR_VIEW_SELECT, type OperatorView, operatorView } from './operator-view';

export interface RevokeMembershipOptions {
  deps: ServiceDeps;
  principal: Principal;
  membershipId: string;
}

/**
 * Takes one role away from an operator; its next API call already runs without it (roles are
 * read per request). Platform operators only, and none may remove the last platform operator.
 *
 * @example await revokeMembership({ deps, principal, membershipId });
 */
export async function revokeMembership(options: RevokeMembershipOptions): Promise<OperatorView> {
  const { deps, principal, membershipId } = options;
  assertPlatformOperator(principal);
  const membership = await deps.db.membership.findUnique({ where: { id: membershipId } });
  if (!membership) throw notFound('membership', membershipId);
  const row = await recordChange(
    {
      db: deps.db,
      principal,
      tenantId: null,
      action: 'operator.membership.revoke',
      objectType: 'operator',
      objectId: membership.operatorId,
      details: { membershipId, role: membership.role, tenantId: membership.tenantId },
      now: deps.now,
    },
    async (tx) => {
      await tx.membership.delete({ where: { id: membershipId }, select: { id: true } });
      // Checked inside the transaction, so two concurrent revocations cannot both pass.
      if (
        membership.role === 'platform_operator' &&
        (await tx.membership.count({ where: { role: 'platform_operator' } })) === 0
      ) {
        throw new AppError('CONFLICT', 'The last platform operator cannot lose the role');
      }
      return tx.operator.findUniqueOrThrow({
        where: { id: membership.operatorId },
        select: OPERATOR_VIEW_SELECT,
      });
    },
  );
  return operatorView(row);
}
