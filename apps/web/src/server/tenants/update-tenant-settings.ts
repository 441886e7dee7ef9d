import { tenantSettingsSchema } from '@tessera/db';
import type { ServiceDeps } from '../../graphql/context';
import { conflict, fieldErrorsOf, validationFailed } from '../errors';
import type { Principal } from '../principal';
import { recordChange } from '../record-change';
import { requireTenant } from './require-tenant';
import { diffSettings } from './settings-diff';
import { isJsonObject, mergePatch, type SettingsPatch, unknownPaths } from './settings-patch';
import { loadTenantView, type TenantView } from './tenant-view';

export interface UpdateTenantSettingsOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  /** A partial settings document, merged as a JSON merge patch (`null` restores a default). */
  settings: SettingsPatch;
}

/**
 * Merges a partial settings document into the tenant's, validates the whole with
 * `tenantSettingsSchema` and stores it; apps/op serves the new settings within its refresh
 * bound. The subject salt is not a setting one may change here: every `sub` the tenant ever
 * issued would change with it. A patch that changes nothing writes nothing. Platform operators
 * and the tenant's admins.
 *
 * @example
 * await updateTenantSettings({
 *   deps, principal, tenantId, settings: { protocol: { lifetimes: { accessToken: 600 } } },
 * });
 */
export async function updateTenantSettings(
  options: UpdateTenantSettingsOptions,
): Promise<TenantView> {
  const { deps, principal, tenantId, settings: patch } = options;
  const tenant = await requireTenant(deps.db, principal, tenantId);
  const next = validatedSettings(tenant.settings, patch);
  const current = tenantSettingsSchema.safeParse(tenant.settings);
  const changes = diffSettings(current.success ? current.data : tenant.settings, next);
  if (changes.length === 0) return loadTenantView(deps.db, tenantId, deps.opPublicUrl);
  await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'tenant.settings.update',
      objectType: 'tenant',
      objectId: tenantId,
      details: { changes },
      now: deps.now,
    },
    async (tx) => {
      // The document was merged outside the transaction: store it only over the version it was
      // merged from, so two concurrent updates never silently drop one another's changes.
      const { count } = await tx.tenant.updateMany({
        where: { id: tenantId, configVersion: tenant.configVersion },
        data: { settings: next as object },
      });
      if (count === 0) throw conflict('The tenant changed during this update; try again');
    },
  );
  return loadTenantView(deps.db, tenantId, deps.opPublicUrl);
}

function validatedSettings(stored: unknown, patch: unknown) {
  if (!isJsonObject(patch)) {
    throw validationFailed([{ path: 'settings', message: 'Must be an object' }]);
  }
  if (patch.subjectSalt !== undefined) {
    throw validationFailed([
      {
        path: 'settings.subjectSalt',
        message: 'The subject salt cannot be changed: every subject identifier would change',
      },
    ]);
  }
  const result = tenantSettingsSchema.safeParse(mergePatch(stored, patch));
  if (!result.success) throw validationFailed(fieldErrorsOf(result.error.issues, 'settings'));
  const unknown = unknownPaths(patch, result.data);
  if (unknown.length > 0) {
    throw validationFailed(
      unknown.map((path) => ({ path: `settings.${path}`, message: 'Not a tenant setting' })),
    );
  }
  return result.data;
}
