import { hashPassword } from '@tessera/db';
import type { ServiceDeps } from '../../graphql/context';
import { validationFailed } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { checkPassword } from './user-input';
import { requireUser } from './user-rows';
import { USER_VIEW_SELECT, type UserView, userView } from './user-view';

export interface SetUserPasswordOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  userId: string;
  password: string;
}

/**
 * Sets or resets a user's password (8 to 1024 characters), stored as an scrypt hash. The audit
 * event records that it changed, never the password.
 *
 * @example await setUserPassword({ deps, principal, tenantId, userId, password: 'a long passphrase' });
 */
export async function setUserPassword(options: SetUserPasswordOptions): Promise<UserView> {
  const { deps, principal, tenantId, userId } = options;
  assertTenantAccess(principal, tenantId);
  const errors = checkPassword(options.password);
  if (errors.length > 0) throw validationFailed(errors);
  await requireUser(deps.db, tenantId, userId);
  const passwordHash = await hashPassword(options.password);
  const row = await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'user.password.set',
      objectType: 'user',
      objectId: userId,
      bumpConfigVersion: false,
      now: deps.now,
    },
    async (tx) => {
      await requireUser(tx, tenantId, userId);
      return tx.user.update({
        where: { tenantId_id: { tenantId, id: userId } },
        data: { passwordHash },
        select: USER_VIEW_SELECT,
      });
    },
  );
  return userView(row);
}
