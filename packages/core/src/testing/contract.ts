/**
 * The storage adapter contract: every behaviour `storage/ports.ts` promises, as tests any
 * adapter (memory, Prisma on SQLite or PostgreSQL, ...) runs against a real backend. It uses
 * only the port interfaces and `node:assert`, so it needs no test framework of its own.
 */
import type { ContractAdapterFactory, ContractTestApi } from './api.js';
import { createContractContext } from './context.js';
import { describeAccessTokens } from './contract-access-tokens.js';
import { describeClients } from './contract-clients.js';
import { describeCodes } from './contract-codes.js';
import { describeConcurrency } from './contract-concurrency.js';
import { describeGrants } from './contract-grants.js';
import { describeInteractions } from './contract-interactions.js';
import { describeIsolation } from './contract-isolation.js';
import { describeKeys } from './contract-keys.js';
import { describeRefreshTokens } from './contract-refresh-tokens.js';
import { describeSessions } from './contract-sessions.js';

/**
 * Registers the whole storage contract under `describe('storage contract: <name>')`.
 *
 * @example
 * import { afterAll, beforeEach, describe, it } from 'vitest';
 * import { runStorageContract } from '@tessera/core/testing';
 * runStorageContract({ describe, it, beforeEach, afterAll }, {
 *   name: 'memory',
 *   setup: async () => createMemoryAdapter(),
 * });
 */
export function runStorageContract(api: ContractTestApi, factory: ContractAdapterFactory): void {
  api.describe(`storage contract: ${factory.name}`, () => {
    const context = createContractContext(api, factory);
    describeClients(context);
    describeGrants(context);
    describeCodes(context);
    describeAccessTokens(context);
    describeRefreshTokens(context);
    describeSessions(context);
    describeInteractions(context);
    describeKeys(context);
    describeIsolation(context);
    describeConcurrency(context);
  });
}
