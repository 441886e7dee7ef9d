// The database entry points: open (and migrate) Tessera's database, or migrate it alone.
export { DEFAULT_POOL_SIZE, providerOf } from './adapter-factory.js';
export { checkReady, type Readiness } from './check-ready.js';
export { type MigrateResult, migrate } from './migrate.js';
export {
  type Database,
  type Db,
  DEFAULT_DATA_DIR,
  type OpenDatabaseOptions,
  openDatabase,
} from './open-database.js';
export type { DbProvider } from './schema.js';
export { createTemporaryDatabase } from './temporary-database.js';
