// Applies the checked-in migrations of the database's provider: at start-up (`openDatabase`)
// and from `npm run db:migrate`. Idempotent: applied migrations are recorded in Prisma's
// standard `_prisma_migrations` table (the one `prisma migrate deploy` uses) and skipped.
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { providerOf } from './adapter-factory.js';
import { createEnginePgAdapterFactory } from './engine-pg-adapter.js';
import { withMigrationLock } from './migration-lock.js';
import { readMigrationsList } from './migrations-list.js';
import { schemaFor } from './schema.js';
import { withSchemaEngine } from './schema-engine.js';
import { createSqliteAdapterFactory } from './sqlite-adapter-factory.js';

export interface MigrateResult {
  /** Folder names of the migrations this call applied; empty when the database was current. */
  applied: string[];
}

/**
 * Brings the database at `url` up to the checked-in migrations; safe to run from several
 * processes at once (they take turns under a lock; later ones find nothing to do).
 *
 * @example const { applied } = await migrate('file:./data/tessera.db');
 */
export async function migrate(url: string): Promise<MigrateResult> {
  const provider = providerOf(url);
  const factory: SqlMigrationAwareDriverAdapterFactory =
    provider === 'sqlite' ? createSqliteAdapterFactory(url) : createEnginePgAdapterFactory(url);
  return withMigrationLock(url, async () => {
    const { appliedMigrationNames } = await withSchemaEngine(
      factory,
      schemaFor(provider),
      (engine) =>
        engine.applyMigrations({
          migrationsList: readMigrationsList(provider),
          filters: { externalTables: [], externalEnums: [] },
        }),
    );
    return { applied: appliedMigrationNames };
  });
}
