/**
 * Per-test access to the adapter under test. Tenants get random ids so tests never see each
 * other's rows, even when an adapter keeps one database for the whole run.
 */
import type { TenantStores } from '../storage/ports.js';
import type { UserRecord } from '../types.js';
import type { ContractAdapter, ContractAdapterFactory, ContractTestApi } from './api.js';

/** A tenant created for one test. */
export interface ContractTenant {
  id: string;
  stores: TenantStores;
  putUser(user: UserRecord): Promise<void>;
}

/** What every contract group receives: the runner and a way to open fresh tenants. */
export interface ContractContext {
  api: ContractTestApi;
  /** A new tenant with a random id, empty by construction. */
  tenant(): ContractTenant;
}

/** A random identifier; ids and hashes are random per test so no test relies on another's data. */
export function randomId(prefix = 'id'): string {
  return `${prefix}-${globalThis.crypto.randomUUID()}`;
}

/** Wires `setup`/`teardown` into the runner and hands out tenants of the current adapter. */
export function createContractContext(
  api: ContractTestApi,
  factory: ContractAdapterFactory,
): ContractContext {
  let adapter: ContractAdapter | undefined;
  api.beforeEach(async () => {
    adapter = await factory.setup();
  });
  api.afterAll(async () => {
    await factory.teardown?.();
  });
  return {
    api,
    tenant() {
      const current = adapter;
      if (!current) throw new Error('The storage contract ran a test before setup()');
      const id = randomId('tenant');
      return {
        id,
        stores: current.forTenant(id),
        putUser: async (user) => {
          await current.putUser(id, user);
        },
      };
    },
  };
}
