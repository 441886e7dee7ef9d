/**
 * Throw-away databases for tests and the benchmark: a SQLite file in a fresh temporary folder,
 * and, when `TEST_DATABASE_URL` names a PostgreSQL server, a `tessera_test_<random>` database
 * on it. Both are migrated and removed again by `close`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, type DbProvider, openDatabase } from '../../src/database/index.js';
import { createTemporaryDatabase } from '../../src/database/temporary-database.js';

export interface TestDatabase {
  provider: DbProvider;
  db: Db;
  close(): Promise<void>;
}

/** The PostgreSQL server for tests, or undefined when the PostgreSQL cases are to be skipped. */
export const postgresServerUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

export async function openSqliteTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-adapter-'));
  const database = await openDatabase({ url: `file:${join(dir, 'test.db')}` });
  return {
    provider: 'sqlite',
    db: database.prisma,
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function openPostgresTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const temporary = await createTemporaryDatabase(serverUrl, 'tessera_test');
  try {
    // 50-way races need connections to race on; the default pool of 10 would queue them.
    const database = await openDatabase({ url: temporary.url, poolSize: 20 });
    return {
      provider: 'postgresql',
      db: database.prisma,
      async close() {
        await database.close();
        await temporary.drop();
      },
    };
  } catch (error) {
    await temporary.drop();
    throw error;
  }
}
