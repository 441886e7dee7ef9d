/**
 * Durable activity counters: how many sign-ins, failed sign-ins and issued tokens a tenant saw in
 * each UTC hour. apps/op aggregates in memory and adds its totals here in one statement per
 * chunk; several instances may flush at once, so every write is an atomic increment
 * (`INSERT ... ON CONFLICT DO UPDATE SET "count" = "count" + excluded."count"`, the same SQL on
 * SQLite and PostgreSQL), never a read followed by a write.
 */
import { Prisma } from '../../generated/sqlite/client/client.js';
import type { Db } from '../database/index.js';

export const ACTIVITY_KINDS = ['sign_in', 'sign_in_failed', 'token_issued'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** How long counters are kept: a year of history plus a month, for year-on-year charts. */
export const ACTIVITY_RETENTION_DAYS = 400;

/** Rows per INSERT: 4 parameters each stays far below SQLite's and PostgreSQL's limits. */
const ROWS_PER_STATEMENT = 250;

const HOUR_MS = 3_600_000;

export interface ActivityIncrement {
  tenantId: string;
  /** Start of the UTC hour (other instants are truncated to it). */
  hour: Date;
  kind: ActivityKind;
  count: number;
}

export interface ActivityCountRow {
  hour: Date;
  kind: ActivityKind;
  count: number;
}

/** The start of the UTC hour `at` falls in. */
export function startOfHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/**
 * Adds `increments` to the counters, atomically per row. Rows with the same key are merged first
 * (PostgreSQL refuses to update one row twice in a statement), and keys are written in sorted
 * order so two instances flushing overlapping keys at once cannot deadlock.
 *
 * @example await recordActivity(db, [{ tenantId, hour: startOfHour(new Date()), kind: 'sign_in', count: 3 }]);
 */
export async function recordActivity(db: Db, increments: ActivityIncrement[]): Promise<void> {
  const merged = new Map<string, ActivityIncrement>();
  for (const increment of increments) {
    if (!Number.isInteger(increment.count) || increment.count <= 0) continue;
    if (!ACTIVITY_KINDS.includes(increment.kind)) throw new TypeError(`Unknown activity kind`);
    const hour = startOfHour(increment.hour);
    const key = `${increment.tenantId}\u0000${hour.toISOString()}\u0000${increment.kind}`;
    const seen = merged.get(key);
    if (seen) seen.count += increment.count;
    else merged.set(key, { ...increment, hour });
  }
  const rows = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const values = Prisma.join(
      chunk.map((row) => Prisma.sql`(${row.tenantId}, ${row.hour}, ${row.kind}, ${row.count})`),
    );
    await db.$executeRaw`INSERT INTO "ActivityCount" ("tenantId", "hour", "kind", "count") VALUES ${values} ON CONFLICT ("tenantId", "hour", "kind") DO UPDATE SET "count" = "ActivityCount"."count" + excluded."count"`;
  }
}

/**
 * The counters of one tenant whose hour starts in [`from`, `to`), oldest first.
 *
 * @example const rows = await activityCounts(db, tenantId, from, to);
 */
export async function activityCounts(
  db: Db,
  tenantId: string,
  from: Date,
  to: Date,
): Promise<ActivityCountRow[]> {
  const rows = await db.activityCount.findMany({
    where: { tenantId, hour: { gte: from, lt: to } },
    select: { hour: true, kind: true, count: true },
    orderBy: [{ hour: 'asc' }, { kind: 'asc' }],
  });
  return rows.map((row) => ({ ...row, kind: row.kind as ActivityKind }));
}
