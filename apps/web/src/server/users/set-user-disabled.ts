import type { ServiceDeps } from '../../graphql/context';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { endSessions, sessionIdsOf } from './end-sessions';
import { requireUser } from './user-rows';
import { USER_VIEW_SELECT, type UserView, userView } from './user-view';

export interface SetUserDisabledOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  userId: string;
  disabled: boolean;
}

/**
 * Disables or enables a user. Disabling ends every session of the user at once; the OP refuses
 * a disabled user's logins and treats their tokens as revoked.
 *
 * @example await setUserDisabled({ deps, principal, tenantId, userId, disabled: true });
 */
export async function setUserDisabled(options: SetUserDisabledOptions): Promise<UserView> {
  const { deps, principal, tenantId, userId, disabled } = options;
  assertTenantAccess(principal, tenantId);
  await requireUser(deps.db, tenantId, userId);
  const row = await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: disabled ? 'user.disable' : 'user.enable',
      objectType: 'user',
      objectId: userId,
      bumpConfigVersion: false,
      now: deps.now,
    },
    async (tx) => {
      await requireUser(tx, tenantId, userId);
      const row = await tx.user.update({
        where: { tenantId_id: { tenantId, id: userId } },
        data: { disabled },
        select: USER_VIEW_SELECT,
      });
      if (disabled) {
        await endSessions(tx, tenantId, deps.secretBox, await sessionIdsOf(tx, tenantId, userId));
      }
      return row;
    },
  );
  return userView(row);
}
