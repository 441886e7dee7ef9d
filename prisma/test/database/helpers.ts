// Shared set-up for the database tests: fresh SQLite files and throw-away PostgreSQL databases.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type DbProvider, migrationsDirFor } from '../../src/database/schema.js';
import { createTemporaryDatabase } from '../../src/database/temporary-database.js';

/** The PostgreSQL server the tests may use (CI sets it); PostgreSQL suites skip without it. */
export const postgresServerUrl = process.env.TEST_DATABASE_URL;

/** A new SQLite URL in its own temporary folder, removed after the file's tests. */
export function useSqliteUrl(): () => string {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-db-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return () => `file:${join(dir, `test-${++n}.db`)}`;
}

/** A fresh `tessera_test_<random>` database per call, all dropped after the file's tests. */
export function usePostgresUrl(): () => Promise<string> {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await Promise.all(drops.map((drop) => drop()));
  });
  return async () => {
    if (!postgresServerUrl) throw new Error('TEST_DATABASE_URL is not set');
    const database = await createTemporaryDatabase(postgresServerUrl, 'tessera_test');
    drops.push(database.drop);
    return database.url;
  };
}

/** The names of the checked-in migrations of `provider`. */
export function checkedInMigrations(provider: DbProvider): string[] {
  return readdirSync(migrationsDirFor(provider), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
