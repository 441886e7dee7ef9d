// The better-sqlite3 adapter factory with the three things @prisma/adapter-better-sqlite3 7.10
// does not do for us: our pragmas on every connection, a prepared-statement cache, and
// multi-statement scripts sent through `executeRaw` (the schema engine replays a whole
// migration.sql that way into its shadow database; better-sqlite3's `prepare` accepts one
// statement only and throws).
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from '@prisma/driver-adapter-utils';
import type BetterSqlite3 from 'better-sqlite3';

/** How long a SQLite connection waits for another writer before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

// WAL lets readers run beside the one writer; synchronous=NORMAL is durable across process
// crashes in WAL mode (only an OS crash can lose the last transactions); SQLite leaves foreign
// keys off unless asked, and our cascades depend on them.
const SQLITE_PRAGMAS = [
  'PRAGMA journal_mode = WAL;',
  'PRAGMA synchronous = NORMAL;',
  'PRAGMA foreign_keys = ON;',
  `PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS};`,
].join('\n');

const MULTI_STATEMENT = /more than one statement/;

/** Prepared statements kept per connection (LRU); Prisma's query shapes are a few dozen. */
export const SQLITE_STATEMENT_CACHE_SIZE = 256;

/**
 * The SQLite adapter factory for a `file:` URL.
 *
 * @example new PrismaClient({ adapter: createSqliteAdapterFactory('file:./data/tessera.db') })
 */
export function createSqliteAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    // The adapter has no connect hook for pragmas; setting them here runs them before Prisma
    // or the schema engine issues any query on the connection.
    connect: async () => {
      const adapter = await inner.connect();
      await adapter.executeScript(SQLITE_PRAGMAS);
      cacheStatements(adapter);
      return withScriptFallback(adapter);
    },
    connectToShadowDb: async () => withScriptFallback(await inner.connectToShadowDb()),
  };
}

// One adapter is one better-sqlite3 connection and its transactions are BEGIN on that same
// connection, so running the script with `executeScript` (db.exec) stays inside the transaction.
function withScriptFallback(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = (run: (query: SqlQuery) => Promise<number>) => async (query: SqlQuery) => {
    try {
      return await run(query);
    } catch (error) {
      if (query.args.length > 0 || !MULTI_STATEMENT.test(String(causeMessage(error)))) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  const startTransaction = async (...args: Parameters<SqlDriverAdapter['startTransaction']>) => {
    const transaction = await adapter.startTransaction(...args);
    // commit/rollback read a private field (#unlockParent) of the real transaction, so they
    // must run with it as `this`; called on the prototype-chained wrapper they throw and leave
    // the adapter's transaction mutex locked forever (every later query hangs).
    return Object.assign(Object.create(transaction) as Transaction, {
      executeRaw: executeRaw((query) => transaction.executeRaw(query)),
      commit: () => transaction.commit(),
      rollback: () => transaction.rollback(),
    });
  };
  return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
    executeRaw: executeRaw((query) => adapter.executeRaw(query)),
    startTransaction,
  });
}

type Statement = BetterSqlite3.Statement<unknown[]>;

// The adapter calls `client.prepare(sql).bind(args)` for every query and throws the statement
// away, and compiling the SQL is ~10% of a query. The adapter's `client` (the better-sqlite3
// Database, a public field its transactions share) gets a caching `prepare`. A statement binds
// only once, so the cache hands out a stand-in for the bound statement that passes the args on
// each call; it offers what the adapter uses (`reader`, `run`, `columns`, `raw().all()`).
// Everything is synchronous on the one connection, so no two queries share a statement at once.
function cacheStatements(adapter: SqlDriverAdapter): void {
  const client = (adapter as unknown as { client: BetterSqlite3.Database }).client;
  if (typeof client?.prepare !== 'function')
    throw new Error('@prisma/adapter-better-sqlite3 no longer exposes its client');
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, Statement>();
  const cached = (sql: string): Statement => {
    let statement = cache.get(sql);
    if (statement) cache.delete(sql);
    else {
      statement = prepare(sql) as Statement;
      if (cache.size >= SQLITE_STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement); // Most recently used last.
    return statement;
  };
  const bound = (statement: Statement, args: unknown[]) => {
    let rows: unknown[] | undefined;
    return {
      reader: statement.reader,
      run: () => statement.run(args),
      // The adapter asks for the columns before the rows; the rows are read first here because
      // a cached statement that SQLite re-prepares after a schema change (`SELECT *` after an
      // ALTER TABLE) reports its new columns only once it has run.
      columns: () => {
        rows = statement.raw(true).all(args);
        return statement.columns();
      },
      raw: () => ({ all: () => rows ?? statement.raw(true).all(args) }),
    };
  };
  client.prepare = ((sql: string) => {
    const statement = cached(sql);
    return {
      reader: statement.reader,
      run: () => statement.run(),
      bind: (args: unknown[]) => bound(statement, args),
    };
  }) as unknown as typeof client.prepare;
}

// The adapter wraps driver errors in DriverAdapterError whose `cause` holds the original message.
function causeMessage(error: unknown): unknown {
  const cause = (error as { cause?: { originalMessage?: string; message?: string } }).cause;
  return cause?.originalMessage ?? cause?.message ?? (error as Error).message;
}
