// The SQL that takes a database from the checked-in migrations to the current schema. Empty
// means they agree: `db:diff` writes it as the next migration, the drift test demands it empty.
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { createAdapterFactory } from './adapter-factory.js';
import { createEnginePgAdapterFactory } from './engine-pg-adapter.js';
import { readMigrationsList } from './migrations-list.js';
import { type DbProvider, schemaFor } from './schema.js';
import { withSchemaEngine } from './schema-engine.js';
import { createTemporaryDatabase } from './temporary-database.js';

export interface DiffOptions {
  /**
   * PostgreSQL only: a server URL where a temporary shadow database may be created (and is
   * dropped afterwards); the engine replays the migrations there to learn their result.
   */
  postgresServerUrl?: string;
}

/**
 * Returns the migration SQL from the checked-in migrations of `provider` to the schema, or ''.
 *
 * @example if ((await diffMigrationsToSchema('sqlite')) !== '') throw new Error('drift');
 */
export async function diffMigrationsToSchema(
  provider: DbProvider,
  options: DiffOptions = {},
): Promise<string> {
  if (provider === 'sqlite') {
    // The SQLite adapter's shadow database is in memory: nothing to create or clean up.
    return runDiff(provider, createAdapterFactory('file::memory:'));
  }
  if (!options.postgresServerUrl) {
    throw new Error(
      'diffMigrationsToSchema(postgresql) needs postgresServerUrl for a shadow database',
    );
  }
  const shadow = await createTemporaryDatabase(options.postgresServerUrl, 'tessera_shadow');
  try {
    // The temporary database is both the engine's connection and its shadow.
    return await runDiff(provider, createEnginePgAdapterFactory(shadow.url));
  } finally {
    await shadow.drop();
  }
}

async function runDiff(
  provider: DbProvider,
  factory: SqlMigrationAwareDriverAdapterFactory,
): Promise<string> {
  const schema = schemaFor(provider);
  const result = await withSchemaEngine(factory, schema, (engine) =>
    engine.diff({
      from: { tag: 'migrations', ...readMigrationsList(provider) },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    }),
  );
  // exitCode 2 means "non-empty diff"; with exitCode 0 stdout holds only an empty comment.
  return result.exitCode === 2 ? (result.stdout ?? '') : '';
}
