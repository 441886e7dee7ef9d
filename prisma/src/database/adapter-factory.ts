// Chooses the Prisma driver adapter from a database URL, for `openDatabase` and for the
// schema engine, so both talk to the database with the same settings.
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DbProvider } from './schema.js';
import { createSqliteAdapterFactory } from './sqlite-adapter-factory.js';

/** Default PostgreSQL pool size per process; several instances share one server. */
export const DEFAULT_POOL_SIZE = 10;

/**
 * Which provider a URL selects; throws on anything else so a typo never opens a stray file.
 *
 * @example providerOf('postgres://db/tessera') // 'postgresql'
 */
export function providerOf(url: string): DbProvider {
  if (url.startsWith('file:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgresql';
  // Only the scheme is echoed: the rest of a URL may hold a password.
  throw new Error(
    `Unsupported database URL scheme "${url.split(':')[0]}:"; use file:, postgres:// or postgresql://`,
  );
}

export interface AdapterFactoryOptions {
  /** PostgreSQL pool size (ignored for SQLite, which uses one connection). */
  poolSize?: number;
}

/**
 * The driver adapter factory for `url`.
 *
 * @example const factory = createAdapterFactory('file:./data/tessera.db');
 */
export function createAdapterFactory(
  url: string,
  options: AdapterFactoryOptions = {},
): SqlMigrationAwareDriverAdapterFactory {
  if (providerOf(url) === 'sqlite') return createSqliteAdapterFactory(url);
  return new PrismaPg({ connectionString: url, max: options.poolSize ?? DEFAULT_POOL_SIZE });
}
