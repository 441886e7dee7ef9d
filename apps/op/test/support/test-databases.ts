/**
 * The databases the app's storage tests run on: a SQLite file in a fresh temporary folder always,
 * and a throw-away PostgreSQL database when `TEST_DATABASE_URL` names a server. Both migrated;
 * `close` removes them again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTemporaryDatabase, type Db, openDatabase } from '@tessera/db';

export interface TestDatabase {
  db: Db;
  close(): Promise<void>;
}

const postgresServerUrl = process.env.TEST_DATABASE_URL || undefined;

async function openSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-op-'));
  const database = await openDatabase({ dataDir: dir });
  return {
    db: database.prisma,
    async close() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(serverUrl: string): Promise<TestDatabase> {
  const temporary = await createTemporaryDatabase(serverUrl, 'tessera_op_test');
  try {
    const database = await openDatabase({ url: temporary.url, poolSize: 20 });
    return {
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

/** SQLite always; PostgreSQL skipped unless a server is given. */
export const testDatabases: { name: string; skip: boolean; open: () => Promise<TestDatabase> }[] = [
  { name: 'SQLite', skip: false, open: openSqlite },
  { name: 'PostgreSQL', skip: !postgresServerUrl, open: () => openPostgres(postgresServerUrl!) },
];
