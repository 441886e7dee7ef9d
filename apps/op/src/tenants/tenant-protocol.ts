/**
 * A tenant's engine settings: its settings document plus the scopes and claims it defined
 * through the admin API (`ScopeDefinition`, `ClaimDefinition`). Every admin change to those bumps
 * the tenant's `configVersion`, so the provider built from this is never older than the refresh
 * bound of the tenant directory.
 */
import type { SettingsInput } from '@tessera/core';
import { type Db, type TenantSettings, toProviderSettings } from '@tessera/db';

export interface TenantDefinitions {
  claims: { name: string }[];
  scopes: { name: string; claims: unknown }[];
}

/**
 * @example const settings = await tenantProviderSettings(db, tenant.id, tenant.settings);
 */
export async function tenantProviderSettings(
  db: Db,
  tenantId: string,
  settings: TenantSettings,
): Promise<SettingsInput> {
  const [claims, scopes] = await Promise.all([
    db.claimDefinition.findMany({ where: { tenantId }, select: { name: true } }),
    db.scopeDefinition.findMany({ where: { tenantId }, select: { name: true, claims: true } }),
  ]);
  return withDefinitions(toProviderSettings(settings), { claims, scopes });
}

/**
 * Merges defined scopes into `extraScopes` (a definition wins over the document's entry of the
 * same name) and defined claims into `claimsSupported`. `openid` is skipped: the admin plane
 * refuses it, and a row slipped in by hand must not change what makes a request an OpenID one.
 */
export function withDefinitions(
  base: SettingsInput,
  definitions: TenantDefinitions,
): SettingsInput {
  if (definitions.claims.length === 0 && definitions.scopes.length === 0) return base;
  const extraScopes = { ...base.extraScopes };
  for (const scope of definitions.scopes) {
    if (scope.name === 'openid') continue;
    extraScopes[scope.name] = Array.isArray(scope.claims)
      ? scope.claims.filter((claim): claim is string => typeof claim === 'string')
      : [];
  }
  const claimsSupported = [
    ...new Set([...(base.claimsSupported ?? []), ...definitions.claims.map((c) => c.name)]),
  ];
  return { ...base, extraScopes, claimsSupported };
}
