import type { ServiceDeps } from '../../graphql/context';
import { assertTenantAccess, type Principal } from '../principal';
import { requireUser } from './user-rows';
import type { UserView } from './user-view';

export interface GetUserOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  userId: string;
}

/**
 * One user of a tenant, without the password hash.
 *
 * @example const user = await getUser({ deps, principal, tenantId, userId });
 */
export async function getUser(options: GetUserOptions): Promise<UserView> {
  const { deps, principal, tenantId, userId } = options;
  assertTenantAccess(principal, tenantId);
  return requireUser(deps.db, tenantId, userId);
}
