/**
 * The storage contract's adapter factory over a real database. The contract creates random
 * tenant ids and expects `forTenant` to work at once; tenant rows (foreign keys) are created on
 * first use of a tenant, before its first query.
 */
import { randomBytes } from 'node:crypto';
import type { TenantStores } from '@tessera/core';
import type { ContractAdapter } from '@tessera/core/testing';
import type { Db } from '../../src/database/index.js';
import { createSecretBox } from '../../src/secrets/index.js';
import { createTenantStores } from '../../src/stores/index.js';

export const testSecretBox = createSecretBox(randomBytes(32));

export function ensureTenant(db: Db, tenantId: string, cache: Map<string, Promise<unknown>>) {
  let pending = cache.get(tenantId);
  if (!pending) {
    pending = db.tenant.upsert({
      where: { id: tenantId },
      create: { id: tenantId, slug: `t-${tenantId}`, name: tenantId, settings: {} },
      update: {},
    });
    cache.set(tenantId, pending);
  }
  return pending;
}

/** Wraps every store method so the tenant row exists before the first query. */
function afterTenant(stores: TenantStores, ready: () => Promise<unknown>): TenantStores {
  const wrapped: Record<string, Record<string, unknown>> = {};
  for (const [name, store] of Object.entries(stores)) {
    wrapped[name] = Object.fromEntries(
      Object.entries(store as Record<string, (...args: unknown[]) => Promise<unknown>>).map(
        ([method, fn]) => [
          method,
          async (...args: unknown[]) => {
            await ready();
            return fn(...args);
          },
        ],
      ),
    );
  }
  return wrapped as unknown as TenantStores;
}

export function contractAdapter(db: Db): ContractAdapter {
  const tenants = new Map<string, Promise<unknown>>();
  return {
    forTenant: (tenantId) =>
      afterTenant(createTenantStores(db, tenantId, { secretBox: testSecretBox }), () =>
        ensureTenant(db, tenantId, tenants),
      ),
    async putUser(tenantId, user) {
      await ensureTenant(db, tenantId, tenants);
      await db.user.upsert({
        where: { tenantId_id: { tenantId, id: user.id } },
        create: {
          tenantId,
          id: user.id,
          loginName: user.id,
          claims: user.claims as object,
          disabled: !!user.disabled,
        },
        update: { claims: user.claims as object, disabled: !!user.disabled },
      });
    },
  };
}
