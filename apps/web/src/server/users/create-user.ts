import { randomUUID } from 'node:crypto';
import { hashPassword, isUniqueViolation } from '@tessera/db';
import type { ServiceDeps } from '../../graphql/context';
import { conflict, type FieldError, validationFailed } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { checkClaims, checkEmail, checkLoginName, checkPassword } from './user-input';
import { assertLoginNameFree, requireTenantRow } from './user-rows';
import { USER_VIEW_SELECT, type UserView, userView } from './user-view';

export interface CreateUserOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  loginName: string;
  email?: string | null;
  /** Without one the user cannot sign in by password until one is set. */
  password?: string | null;
  claims?: unknown;
}

/**
 * A new end user of a tenant. The login name must be free in the tenant (else CONFLICT); the
 * password is hashed with scrypt and never stored or logged in clear.
 *
 * @example
 * const user = await createUser({
 *   deps, principal, tenantId, loginName: 'ada', email: 'Ada@Example.com', password, claims: { name: 'Ada' },
 * });
 */
export async function createUser(options: CreateUserOptions): Promise<UserView> {
  const { deps, principal, tenantId } = options;
  assertTenantAccess(principal, tenantId);
  const loginName = checkLoginName(options.loginName);
  const email = typeof options.email === 'string' ? checkEmail(options.email) : undefined;
  const claims = checkClaims(options.claims ?? {});
  const errors: FieldError[] = [
    ...loginName.errors,
    ...(email?.errors ?? []),
    ...(typeof options.password === 'string' ? checkPassword(options.password) : []),
    ...claims.errors,
  ];
  if (errors.length > 0) throw validationFailed(errors);
  await requireTenantRow(deps.db, tenantId);
  await assertLoginNameFree(deps.db, tenantId, loginName.value);
  const passwordHash =
    typeof options.password === 'string' ? await hashPassword(options.password) : null;
  const id = randomUUID();
  try {
    const row = await recordChange(
      {
        db: deps.db,
        principal,
        tenantId,
        action: 'user.create',
        objectType: 'user',
        objectId: id,
        details: {
          loginName: loginName.value,
          email: email?.value ?? null,
          claimNames: Object.keys(claims.value),
          hasPassword: passwordHash !== null,
        },
        // apps/op reads users per request: no provider rebuild needed.
        bumpConfigVersion: false,
        now: deps.now,
      },
      (tx) =>
        tx.user.create({
          data: {
            tenantId,
            id,
            loginName: loginName.value,
            email: email?.value ?? null,
            passwordHash,
            claims: claims.value as object,
            createdAt: deps.now(),
          },
          select: USER_VIEW_SELECT,
        }),
    );
    return userView(row);
  } catch (error) {
    // Taken between the check above and the insert.
    if (isUniqueViolation(error)) {
      throw conflict(`A user with login name '${loginName.value}' exists already`);
    }
    throw error;
  }
}
