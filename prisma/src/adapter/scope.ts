/**
 * The one place where the tenant condition enters a query. Every store is built from a
 * `TenantScope` whose tenant id was fixed when the stores were created; `where` and `data` are
 * the only ways the stores name rows, so a store cannot express a query without `tenantId`.
 * Compound unique keys (`tenantId_sub`, ...) are written as `scope.where({ sub })` too.
 *
 * The token hot path uses hand-written SQL (a typed Prisma call costs two to three times a raw
 * one); `select`, `update` and `insert` are its only entry points and add the tenant the same way.
 * The SQL is the same on both providers: double-quoted identifiers, `RETURNING`, and values that
 * Prisma binds as parameters (see `sqlJson` in convert.ts for JSON columns).
 */
import { Prisma } from '../../generated/sqlite/client/client.js';
import type { Db } from '../database/index.js';
import type { SecretBox } from '../secrets/secret-box.js';

export interface TenantScope {
  readonly tenantId: string;
  readonly db: Db;
  readonly secretBox: SecretBox;
  /** A filter (or compound key) with the tenant condition added; it wins over any `tenantId` given. */
  where<T extends object>(filter: T): T & { tenantId: string };
  /** Row data with the tenant id set. */
  data<T extends object>(row: T): T & { tenantId: string };
  /** `SELECT <columns, default *> FROM <table> WHERE "tenantId" = <tenant> AND (<condition>)`. */
  select<Row>(
    table: Table,
    condition: Prisma.Sql,
    columns?: readonly (keyof Row & string)[],
  ): Promise<Row[]>;
  /** `UPDATE <table> SET <set> WHERE "tenantId" = <tenant> AND (<condition>) RETURNING *`. */
  update<Row>(table: Table, set: Prisma.Sql, condition: Prisma.Sql): Promise<Row[]>;
  /** `INSERT INTO <table>` of one row (column name to value), with the tenant id set. */
  insert(table: Table, row: Record<string, unknown>): Promise<void>;
  /**
   * Runs `operations` all or nothing: as a batch transaction of their own, or, for a scope inside
   * the caller's interactive transaction (Prisma cannot nest them), one after another in that.
   */
  batch<P extends Prisma.PrismaPromise<unknown>[]>(
    operations: [...P],
  ): Promise<{ [K in keyof P]: Awaited<P[K]> }>;
}

export interface TenantScopeOptions {
  /** `db` is the client of an interactive transaction the caller runs and commits. */
  inTransaction?: boolean;
}

/** The tables written by hand-written SQL (identifiers, never values). */
export type Table =
  | 'Client'
  | 'User'
  | 'Grant'
  | 'AuthorizationCode'
  | 'AccessToken'
  | 'RefreshToken';

const ALL = Prisma.raw('*');
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

function identifier(name: string): Prisma.Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`Not an identifier: ${name}`);
  return Prisma.raw(`"${name}"`);
}

/**
 * @example const scope = tenantScope(db, 'tenant-1', secretBox);
 * await scope.db.grant.findFirst({ where: scope.where({ id }) });
 * await scope.select<GrantRow>('Grant', Prisma.sql`"id" = ${id}`);
 */
export function tenantScope(
  db: Db,
  tenantId: string,
  secretBox: SecretBox,
  options: TenantScopeOptions = {},
): TenantScope {
  if (typeof tenantId !== 'string' || tenantId === '')
    throw new TypeError('A tenant id is required');
  // `tenantId` first, the store's condition parenthesised after it: an OR in the condition
  // cannot widen the scope.
  const scoped = (condition: Prisma.Sql) => Prisma.sql`"tenantId" = ${tenantId} AND (${condition})`;
  return {
    tenantId,
    db,
    secretBox,
    // Spread first, tenant last: a caller-supplied `tenantId` can never widen the scope.
    where: (filter) => ({ ...filter, tenantId }),
    data: (row) => ({ ...row, tenantId }),
    // async: a bad identifier rejects like a failed query instead of throwing synchronously.
    select: async (table, condition, columns) =>
      db.$queryRaw`SELECT ${columns ? Prisma.join(columns.map(identifier)) : ALL} FROM ${identifier(table)} WHERE ${scoped(condition)}`,
    update: async (table, set, condition) =>
      db.$queryRaw`UPDATE ${identifier(table)} SET ${set} WHERE ${scoped(condition)} RETURNING *`,
    async insert(table, row) {
      // A `tenantId` in `row` would name the column twice; refuse it rather than pick one.
      if ('tenantId' in row) throw new Error('The tenant id is set by the scope');
      const names = ['tenantId', ...Object.keys(row)].map(identifier);
      await db.$executeRaw`INSERT INTO ${identifier(table)} (${Prisma.join(names)}) VALUES (${Prisma.join([tenantId, ...Object.values(row)])})`;
    },
    async batch<P extends Prisma.PrismaPromise<unknown>[]>(operations: [...P]) {
      if (!options.inTransaction) {
        return (await db.$transaction(operations)) as { [K in keyof P]: Awaited<P[K]> };
      }
      // Prisma promises are lazy: each statement runs when awaited, in order, in the caller's transaction.
      const results: unknown[] = [];
      for (const operation of operations) results.push(await operation);
      return results as { [K in keyof P]: Awaited<P[K]> };
    },
  };
}
