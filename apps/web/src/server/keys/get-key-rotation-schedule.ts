import { type KeyRotationSchedule, keyRotationOf } from '@tessera/db';
import type { ServiceDeps } from '../../graphql/context';
import { requireTenant } from '../claims/require-tenant';
import { assertTenantAccess, type Principal } from '../principal';

export interface GetKeyRotationScheduleOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
}

/**
 * The tenant's key rotation schedule, or null when keys rotate on request only.
 *
 * @example const schedule = await getKeyRotationSchedule({ deps, principal, tenantId });
 */
export async function getKeyRotationSchedule(
  options: GetKeyRotationScheduleOptions,
): Promise<KeyRotationSchedule | null> {
  const { deps, principal, tenantId } = options;
  assertTenantAccess(principal, tenantId);
  const tenant = await requireTenant(deps.db, tenantId);
  return keyRotationOf(tenant.settings) ?? null;
}
