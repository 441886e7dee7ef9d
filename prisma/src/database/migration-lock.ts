// One migrator at a time per database, across processes: several app instances may start
// together, and two engines applying the same migration would both try to create its tables.
// Both locks are released by the operating system or the server if the holder dies.
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import pg from 'pg';
import { providerOf } from './adapter-factory.js';

/** An arbitrary constant naming Tessera's migration lock among PostgreSQL advisory locks. */
const PG_MIGRATION_LOCK_KEY = 727_465_001;

/** Longest wait for another process's migration before giving up (a big migration is slow). */
export const MIGRATION_LOCK_TIMEOUT_MS = 120_000;

const SQLITE_LOCK_POLL_MS = 25;

/**
 * Runs `work` while holding the migration lock of the database at `url`.
 *
 * @example await withMigrationLock(url, () => applyPendingMigrations(url));
 */
export async function withMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  return providerOf(url) === 'postgresql' ? withPostgresLock(url, work) : withSqliteLock(url, work);
}

// A session-level advisory lock on its own connection: the server drops it with the session.
async function withPostgresLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET lock_timeout = ${MIGRATION_LOCK_TIMEOUT_MS}`);
    await client.query('SELECT pg_advisory_lock($1)', [PG_MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    // Ending the session releases the lock even if an explicit unlock would fail.
    await client.end();
  }
}

// SQLite has no advisory locks, and holding a write lock on the database itself would block
// the engine's own connection. An exclusive transaction on a sidecar file is a cross-process
// mutex that the OS releases when the holder exits (SQLite uses POSIX file locks).
async function withSqliteLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const path = url.replace(/^file:/, '').replace(/\?.*$/, '');
  if (path === ':memory:' || path === '') return work();
  // The sidecar stays in SQLite's default rollback-journal mode, where BEGIN EXCLUSIVE takes
  // the file's exclusive lock at once. It is never written to.
  const lock = new Database(`${path}.migrate-lock`, { timeout: 0 });
  try {
    const deadline = Date.now() + MIGRATION_LOCK_TIMEOUT_MS;
    // Poll with timeout 0 rather than SQLite's busy wait, which would block the event loop
    // (and so a holder in this same process) for the whole wait.
    for (;;) {
      try {
        lock.exec('BEGIN EXCLUSIVE');
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline)
          throw error;
        await sleep(SQLITE_LOCK_POLL_MS);
      }
    }
    try {
      return await work();
    } finally {
      lock.exec('ROLLBACK');
    }
  } finally {
    lock.close();
  }
}
