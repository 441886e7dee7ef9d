import { runStorageContract } from '@tessera/core/testing';
import { afterAll, beforeEach, describe, it } from 'vitest';
import {
  openPostgresTestDatabase,
  openSqliteTestDatabase,
  postgresServerUrl,
  type TestDatabase,
} from '../support/databases.js';
import { contractAdapter } from '../support/tenants.js';

const api = { describe, it, beforeEach, afterAll };

/** One database per provider and run; every contract test works in fresh random tenants. */
function factoryFor(name: string, open: () => Promise<TestDatabase>) {
  let database: Promise<TestDatabase> | undefined;
  return {
    name,
    async setup() {
      database ??= open();
      return contractAdapter((await database).db);
    },
    async teardown() {
      await (await database)?.close();
    },
  };
}

describe('SQLite (temporary file)', () => {
  runStorageContract(api, factoryFor('prisma sqlite', openSqliteTestDatabase));
});

describe.skipIf(!postgresServerUrl)('PostgreSQL (temporary database)', () => {
  runStorageContract(
    api,
    factoryFor('prisma postgresql', () => openPostgresTestDatabase(postgresServerUrl!)),
  );
});
