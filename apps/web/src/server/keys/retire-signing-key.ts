import type { SigningAlgorithm } from '@tessera/core';
import { parseTenantSettings } from '@tessera/db';
import type { ServiceDeps } from '../../graphql/context';
import { requireTenant } from '../claims/require-tenant';
import { notFound, validationFailed } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { keyClock, tenantKeyStore } from './key-store';
import {
  SIGNING_KEY_VIEW_SELECT,
  type SigningKeyView,
  signingKeyView,
  signingKeyViewOf,
} from './signing-key-view';

export interface RetireSigningKeyOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  kid: string;
}

/**
 * Stops a key from signing; it stays published until pruned, so tokens it signed still verify.
 * The only active key of an algorithm the tenant signs with (RS256 always, OIDC Core 15.1) cannot
 * be retired: rotate instead, which activates a successor in the same step. Retiring a retired
 * key changes nothing.
 *
 * @example const key = await retireSigningKey({ deps, principal, tenantId, kid });
 */
export async function retireSigningKey(options: RetireSigningKeyOptions): Promise<SigningKeyView> {
  const { deps, principal, tenantId, kid } = options;
  assertTenantAccess(principal, tenantId);
  const tenant = await requireTenant(deps.db, tenantId);
  const required = requiredAlgorithms(tenant.settings);
  const key = await deps.db.signingKey.findUnique({
    where: { tenantId_kid: { tenantId, kid } },
    select: SIGNING_KEY_VIEW_SELECT,
  });
  if (!key) throw notFound('signing key', kid);
  if (key.state === 'retired') return signingKeyView(key);
  const record = await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'signing_key.retire',
      objectType: 'signing_key',
      objectId: kid,
      details: { alg: key.alg, previousState: key.state },
      now: deps.now,
    },
    async (tx) => {
      const store = tenantKeyStore(tx, tenantId, deps.secretBox);
      const keys = await store.list();
      const target = keys.find((k) => k.kid === kid);
      if (!target) throw notFound('signing key', kid);
      const otherActive = keys.some(
        (k) => k.kid !== kid && k.alg === target.alg && k.state === 'active',
      );
      if (target.state === 'active' && !otherActive && required.has(target.alg)) {
        throw validationFailed([
          {
            path: 'kid',
            message: `This is the tenant's only active ${target.alg} key; rotate keys instead`,
          },
        ]);
      }
      const retired = { ...target, state: 'retired' as const, retiredAt: keyClock(deps)() };
      await store.update(retired);
      return retired;
    },
  );
  return signingKeyViewOf(record);
}

/** RS256 always, plus what the tenant's settings enable (the provider would regenerate those). */
function requiredAlgorithms(settings: unknown): Set<SigningAlgorithm> {
  try {
    return new Set(['RS256', ...(parseTenantSettings(settings).protocol.signingAlgorithms ?? [])]);
  } catch {
    return new Set(['RS256']);
  }
}
