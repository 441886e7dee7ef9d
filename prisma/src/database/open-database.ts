// Opens Tessera's database from a URL: the embedded SQLite file by default, PostgreSQL in
// production. Migrations are applied first (by default), so the caller gets a current schema.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PrismaClient as PostgresPrismaClient } from '../../generated/postgresql/client/client.js';
import { PrismaClient as SqlitePrismaClient } from '../../generated/sqlite/client/client.js';
import { createAdapterFactory, providerOf } from './adapter-factory.js';
import { migrate } from './migrate.js';
import type { DbProvider } from './schema.js';

/**
 * The Prisma client type for both providers. The two generated clients come from the same
 * models (only the datasource block differs), so their model delegates and argument types are
 * identical; the SQLite client's type stands for both.
 */
export type Db = SqlitePrismaClient;

export interface OpenDatabaseOptions {
  /** `file:<path>`, `postgres://...` or `postgresql://...`; default `file:<dataDir>/tessera.db`. */
  url?: string;
  /** Folder for the default SQLite file (created owner-only); default `./data`. */
  dataDir?: string;
  /** Apply pending migrations before returning; default true. */
  migrate?: boolean;
  /** PostgreSQL pool size per process. */
  poolSize?: number;
}

export interface Database {
  prisma: Db;
  provider: DbProvider;
  /** Closes the connection (SQLite) or the pool (PostgreSQL). */
  close: () => Promise<void>;
}

/** The default data folder, relative to the working directory of the app. */
export const DEFAULT_DATA_DIR = './data';

/**
 * Opens (and by default migrates) the database at `options.url`.
 *
 * @example
 * const db = await openDatabase({ url: env.DATABASE_URL });
 * await db.prisma.tenant.findMany();
 * await db.close();
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const url = options.url ?? defaultUrl(options.dataDir ?? DEFAULT_DATA_DIR);
  const provider = providerOf(url);
  if (options.migrate ?? true) await migrate(url);
  const adapter = createAdapterFactory(url, { poolSize: options.poolSize });
  const prisma: Db =
    provider === 'sqlite'
      ? new SqlitePrismaClient({ adapter })
      : // Sound: same models, same delegates (see `Db`); only the provider-specific internals
        // (which the adapter hides) differ in the generated types.
        (new PostgresPrismaClient({ adapter }) as unknown as Db);
  // Connect now so a bad URL or an unreachable server fails at start-up, not on first request.
  await prisma.$connect();
  return { prisma, provider, close: () => prisma.$disconnect() };
}

// The data folder holds the database and the development master key: owner-only.
function defaultUrl(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return `file:${resolve(dataDir, 'tessera.db')}`;
}
