import { isUniqueViolation } from '@tessera/db';
import type { ServiceDeps } from '../../graphql/context';
import { conflict, type FieldError, validationFailed } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { checkClaims, checkEmail, checkLoginName } from './user-input';
import { assertLoginNameFree, requireUser } from './user-rows';
import { USER_VIEW_SELECT, type UserView, userView } from './user-view';

export interface UpdateUserOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  userId: string;
  loginName?: string | null;
  /** `null` removes the login address. */
  email?: string | null;
  /** Replaces all claims (standard and custom); omit to keep them. */
  claims?: unknown;
}

/**
 * Changes a user's login name, login address or claims; only what is given changes.
 *
 * @example await updateUser({ deps, principal, tenantId, userId, claims: { name: 'Ada L.' } });
 */
export async function updateUser(options: UpdateUserOptions): Promise<UserView> {
  const { deps, principal, tenantId, userId } = options;
  assertTenantAccess(principal, tenantId);
  const loginName =
    typeof options.loginName === 'string' ? checkLoginName(options.loginName) : undefined;
  const email = typeof options.email === 'string' ? checkEmail(options.email) : undefined;
  const claims = options.claims === undefined ? undefined : checkClaims(options.claims);
  const errors: FieldError[] = [
    ...(loginName?.errors ?? []),
    ...(email?.errors ?? []),
    ...(claims?.errors ?? []),
  ];
  if (errors.length > 0) throw validationFailed(errors);
  const data = {
    ...(loginName && { loginName: loginName.value }),
    ...(email && { email: email.value }),
    ...(options.email === null && { email: null }),
    ...(claims && { claims: claims.value as object }),
  };
  await requireUser(deps.db, tenantId, userId);
  if (loginName) await assertLoginNameFree(deps.db, tenantId, loginName.value, userId);
  try {
    const row = await recordChange(
      {
        db: deps.db,
        principal,
        tenantId,
        action: 'user.update',
        objectType: 'user',
        objectId: userId,
        // Which fields changed, and claim names only: claim values are personal data.
        details: {
          changed: Object.keys(data),
          ...(loginName && { loginName: loginName.value }),
          ...(claims && { claimNames: Object.keys(claims.value) }),
        },
        bumpConfigVersion: false,
        now: deps.now,
      },
      async (tx) => {
        await requireUser(tx, tenantId, userId);
        return tx.user.update({
          where: { tenantId_id: { tenantId, id: userId } },
          data,
          select: USER_VIEW_SELECT,
        });
      },
    );
    return userView(row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`A user with login name '${loginName?.value}' exists already`);
    }
    throw error;
  }
}
