// A throw-away PostgreSQL database on the server of a given URL: shadow databases for
// `db:diff` and the drift test, and one database per test run.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** `url` with its database name replaced. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Creates `<prefix>_<random>` on the server of `serverUrl` and returns its URL and a `drop`.
 *
 * @example const db = await createTemporaryDatabase(process.env.TEST_DATABASE_URL, 'tessera_test');
 */
export async function createTemporaryDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  // Random hex keeps the name a plain identifier (no quoting surprises) and unique per run.
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await runOnServer(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabaseName(serverUrl, name),
    name,
    // FORCE ends sessions a crashed child or a leaked pool may still hold (PostgreSQL 13+).
    drop: () => runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function runOnServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
