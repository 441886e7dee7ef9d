/**
 * Test adapters over a real database. Tenant rows are parents of every tenant-owned row (foreign
 * keys), and the storage contract makes up tenant ids as it goes, so a tenant's row is created
 * on first use, before its first query.
 */
import { randomBytes } from 'node:crypto';
import type { TenantStores, UserRecord } from '@tessera/core';
import type { ContractAdapter } from '@tessera/core/testing';
import { createTenantStores } from '../../src/adapter/index.js';
import type { Db } from '../../src/database/index.js';
import { createSecretBox } from '../../src/secrets/index.js';

/** A fresh master key per test run. */
export const testSecretBox = createSecretBox(randomBytes(32));

/** Creates tenant rows once each, remembering the pending insert so races await the same one. */
export function tenantRows(db: Db) {
  const created = new Map<string, Promise<unknown>>();
  return (tenantId: string): Promise<unknown> => {
    let pending = created.get(tenantId);
    if (!pending) {
      pending = db.tenant.upsert({
        where: { id: tenantId },
        create: { id: tenantId, slug: `slug-${tenantId}`, name: tenantId, settings: {} },
        update: {},
      });
      created.set(tenantId, pending);
    }
    return pending;
  };
}

/** Stores whose every method first waits for `ready` (the tenant row). */
function afterReady(stores: TenantStores, ready: () => Promise<unknown>): TenantStores {
  const wrapped: Record<string, Record<string, unknown>> = {};
  for (const [name, store] of Object.entries(stores) as [
    string,
    Record<string, (...args: unknown[]) => Promise<unknown>>,
  ][]) {
    wrapped[name] = {};
    for (const [method, fn] of Object.entries(store)) {
      wrapped[name][method] = async (...args: unknown[]) => {
        await ready();
        return fn(...args);
      };
    }
  }
  return wrapped as unknown as TenantStores;
}

/** Writes a user as the admin plane would (the ports have no user writes). */
export async function putUser(db: Db, tenantId: string, user: UserRecord): Promise<void> {
  const values = { claims: user.claims as object, disabled: user.disabled ?? false };
  await db.user.upsert({
    where: { tenantId_id: { tenantId, id: user.id } },
    create: { tenantId, id: user.id, loginName: user.id, ...values },
    update: values,
  });
}

/** The contract suite's view of the Prisma adapter on `db`. */
export function contractAdapter(db: Db): ContractAdapter {
  const ensureTenant = tenantRows(db);
  return {
    forTenant: (tenantId) =>
      afterReady(createTenantStores(db, tenantId, { secretBox: testSecretBox }), () =>
        ensureTenant(tenantId),
      ),
    async putUser(tenantId, user) {
      await ensureTenant(tenantId);
      await putUser(db, tenantId, user);
    },
  };
}
