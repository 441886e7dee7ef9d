// The PostgreSQL adapter factory the schema engine uses (migrations, diff).
//
// Why not plain PrismaPg: when the engine describes a database (the shadow database of a diff)
// it reads catalog columns of PostgreSQL's one-byte type "char" (OID 18, e.g. pg_class.relkind).
// @prisma/adapter-pg 7.10 has no mapping for that type and fails the whole query with
// "Column type 'char' could not be deserialized". Its value arrives as a one-character string
// either way, so reporting those columns as `text` (OID 25) is exact. Only the engine uses this;
// the application's queries never touch catalog columns.
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] } | undefined;

function charColumnsAsText<T>(result: T): T {
  // A multi-statement query yields an array of results.
  const results = (Array.isArray(result) ? result : [result]) as QueryResultLike[];
  for (const each of results) {
    for (const field of each?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}

// pg.Pool builds its connections from the `Client` option, and both pool.query and the
// adapter's transactions go through Client#query, so this one override covers every path.
class CharAsTextClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: Client#query has a dozen overloads; we pass them through unchanged.
  override query(...args: any[]): any {
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) =>
        callback(error, charColumnsAsText(result));
      // biome-ignore lint/suspicious/noExplicitAny: see above.
      return (super.query as any)(...args);
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    const returned = (super.query as any)(...args);
    return typeof returned?.then === 'function' ? returned.then(charColumnsAsText) : returned;
  }
}

/**
 * A PrismaPg factory for the schema engine on `url`; `connectToShadowDb` returns the same
 * database, so callers hand it a throw-away database when the engine needs a shadow.
 *
 * @example const engine = await startSchemaEngine(createEnginePgAdapterFactory(url), schemaFor('postgresql'));
 */
export function createEnginePgAdapterFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  // One pool per connection the engine asks for; disposeExternalPool makes the adapter's
  // dispose end it, so no socket is left to keep the process alive.
  const connect = () => {
    // Pool options are passed to each Client's constructor, which accepts `connectionString`.
    const pool = new pg.Pool({
      connectionString: url,
      max: 2,
      Client: CharAsTextClient,
      allowExitOnIdle: true,
    });
    return new PrismaPg(pool, { disposeExternalPool: true }).connect();
  };
  const probe = new PrismaPg({ connectionString: url });
  return {
    provider: probe.provider,
    adapterName: probe.adapterName,
    connect,
    // PrismaPg's own connectToShadowDb ignores the database name when the pool was made from
    // a connection string (pg lets the string win) and would "shadow" the real database.
    connectToShadowDb: connect,
  };
}
