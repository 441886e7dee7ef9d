/**
 * The shapes the storage contract suite is run with. The suite takes the test runner's
 * functions as arguments so that `@tessera/core` never depends on a test framework.
 */
import type { TenantStores } from '../storage/ports.js';
import type { UserRecord } from '../types.js';

/**
 * The subset of a test runner the suite needs (vitest, jest and `node:test` all fit).
 *
 * @example
 * import { afterAll, beforeEach, describe, it } from 'vitest';
 * runStorageContract({ describe, it, beforeEach, afterAll }, factory);
 */
export interface ContractTestApi {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: () => Promise<void> | void): void;
  beforeEach(fn: () => Promise<void> | void): void;
  afterAll(fn: () => Promise<void> | void): void;
}

/** One adapter as the suite sees it: tenant-scoped stores plus a way to seed users. */
export interface ContractAdapter {
  forTenant(tenantId: string): TenantStores;
  /** Adds or replaces a user; the ports have no user writes because hosts own their users. */
  putUser(tenantId: string, user: UserRecord): Promise<void> | void;
}

/**
 * How the suite obtains the adapter under test. `setup` runs before every test; every test
 * also works in tenants with fresh random ids, so an adapter may return the same connected
 * instance each time instead of truly emptying its database.
 *
 * @example
 * const factory = { name: 'memory', setup: async () => createMemoryAdapter() };
 */
export interface ContractAdapterFactory {
  name: string;
  /** fresh, empty storage */
  setup(): Promise<ContractAdapter>;
  teardown?(): Promise<void>;
}
