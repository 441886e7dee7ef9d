// WORK IN PROGRESS (issue 3): not yet run by vitest (name is not *.test.ts). Known failures on
// SQLite (118 pass): `users` disabled-flag round trip, clientIds order and copy semantics of sessions.
// Rename to contract.test.ts once green on SQLite and PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStorageContract } from '@tessera/core/testing';
import { afterAll, beforeEach, describe, it } from 'vitest';
import { type Database, openDatabase } from '../../src/database/index.js';
import { createTemporaryDatabase } from '../../src/database/temporary-database.js';
import { contractAdapter } from './support.js';

const api = { describe, it, beforeEach, afterAll };

describe('SQLite', () => {
  let dir: string | undefined;
  let database: Database | undefined;
  runStorageContract(api, {
    name: 'prisma sqlite',
    async setup() {
      if (!database) {
        dir = mkdtempSync(join(tmpdir(), 'tessera-stores-'));
        database = await openDatabase({ url: `file:${join(dir, 'contract.db')}` });
      }
      return contractAdapter(database.prisma);
    },
    async teardown() {
      await database?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('PostgreSQL', () => {
  let database: Database | undefined;
  let drop: (() => Promise<void>) | undefined;
  runStorageContract(api, {
    name: 'prisma postgresql',
    async setup() {
      if (!database) {
        const temporary = await createTemporaryDatabase(
          process.env.TEST_DATABASE_URL!,
          'tessera_test',
        );
        drop = temporary.drop;
        database = await openDatabase({ url: temporary.url, poolSize: 20 });
      }
      return contractAdapter(database.prisma);
    },
    async teardown() {
      await database?.close();
      await drop?.();
    },
  });
});
