import {
  type KeyRotationSchedule,
  keyRotationScheduleSchema,
  parseTenantSettings,
} from '@tessera/db';
import type { ServiceDeps } from '../../graphql/context';
import { requireTenant } from '../claims/require-tenant';
import { conflict, fieldErrorsOf, validationFailed } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';

export interface SetKeyRotationScheduleOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  /** Null removes the schedule: keys then rotate on request only. */
  schedule: KeyRotationSchedule | null;
}

/**
 * Stores the tenant's rotation schedule in its settings (`keyRotation`); apps/op's rotation job
 * rotates keys older than `intervalDays` and prunes keys retired more than `overlapDays` ago.
 *
 * @example
 * await setKeyRotationSchedule({ deps, principal, tenantId, schedule: { intervalDays: 90, overlapDays: 7 } });
 */
export async function setKeyRotationSchedule(
  options: SetKeyRotationScheduleOptions,
): Promise<KeyRotationSchedule | null> {
  const { deps, principal, tenantId } = options;
  assertTenantAccess(principal, tenantId);
  let schedule: KeyRotationSchedule | null = null;
  if (options.schedule) {
    const parsed = keyRotationScheduleSchema.safeParse(options.schedule);
    if (!parsed.success) throw validationFailed(fieldErrorsOf(parsed.error.issues, 'schedule'));
    schedule = parsed.data;
  }
  await requireTenant(deps.db, tenantId);
  await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'tenant.key_rotation.update',
      objectType: 'tenant',
      objectId: tenantId,
      details: { schedule },
      now: deps.now,
    },
    async (tx) => {
      const tenant = await requireTenant(tx, tenantId);
      const { keyRotation: _previous, ...rest } = parseTenantSettings(tenant.settings);
      const settings = schedule ? { ...rest, keyRotation: schedule } : rest;
      // Compare-and-set on the version read: a concurrent settings write is not overwritten.
      const { count } = await tx.tenant.updateMany({
        where: { id: tenantId, configVersion: tenant.configVersion },
        data: { settings: settings as object },
      });
      if (count !== 1) throw conflict('The tenant changed meanwhile; try again');
    },
  );
  return schedule;
}
