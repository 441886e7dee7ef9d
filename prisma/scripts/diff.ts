// `npm run db:diff -w @tessera/db -- <name> [--shadow <postgres-url>]`
//
// Writes the next migration for BOTH providers: the SQL from the checked-in migrations to
// schema/tessera.prisma, as migrations/<provider>/<UTC timestamp>_<name>/migration.sql.
// SQLite needs nothing (its shadow database lives in memory). PostgreSQL needs a server on
// which a temporary shadow database can be created and dropped: --shadow <url>, or else
// TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres).
import { mkdirSync, writeFileSync } from 'node:fs';
import { diffMigrationsToSchema } from '../src/database/diff.js';
import { migrationLockFor } from '../src/database/migrations-list.js';
import { migrationsDirFor, providers } from '../src/database/schema.js';

const args = process.argv.slice(2);
const shadowFlag = args.indexOf('--shadow');
const postgresServerUrl = shadowFlag >= 0 ? args[shadowFlag + 1] : process.env.TEST_DATABASE_URL;
const positional =
  shadowFlag >= 0 ? [...args.slice(0, shadowFlag), ...args.slice(shadowFlag + 2)] : args;
const name = positional.find((arg) => !arg.startsWith('--'));

if (!name || !/^[a-z0-9_]+$/.test(name) || args.includes('--help')) {
  console.error(
    'usage: npm run db:diff -w @tessera/db -- <name> [--shadow <postgres-url>]\n' +
      '  <name>: lower_snake_case, e.g. add_tenant_logo\n' +
      '  PostgreSQL needs a server for a temporary shadow database: --shadow <url> or TEST_DATABASE_URL.',
  );
  process.exit(2);
}
if (!postgresServerUrl) {
  console.error(
    'db:diff: no PostgreSQL server for the shadow database; pass --shadow <url> or set TEST_DATABASE_URL.',
  );
  process.exit(2);
}

// UTC yyyyMMddHHmmss, the prefix Prisma uses, so folders sort in the order they were made.
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

for (const provider of providers) {
  const sql = await diffMigrationsToSchema(provider, { postgresServerUrl });
  if (sql === '') {
    console.log(`${provider}: migrations already match the schema; nothing written.`);
    continue;
  }
  const dir = `${migrationsDirFor(provider)}/${stamp}_${name}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/migration.sql`, sql);
  writeFileSync(`${migrationsDirFor(provider)}/migration_lock.toml`, migrationLockFor(provider));
  console.log(`${provider}: wrote ${dir}/migration.sql`);
}
