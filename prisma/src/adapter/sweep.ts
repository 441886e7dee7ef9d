/**
 * Removes expired rows of every tenant in bounded batches: each batch is one short SELECT of at
 * most `batchSize` keys and one DELETE of those keys, so a sweep never holds a lock for long and
 * requests interleave between batches. Several instances may sweep at once (a row deleted twice
 * is harmless).
 *
 * Swept: codes, access tokens, sessions (with their SessionClient rows), interactions, replay
 * entries, login failures and initial access tokens whose `expiresAt` is before `now`, and activity
 * counters older than `ACTIVITY_RETENTION_DAYS`. Not swept: grants and refresh tokens. Their expiry is
 * optional, a rotated refresh token must stay findable so its reuse revokes the grant, and both go
 * away with revocation, logout or client deletion. The engine judges every expiry itself, so
 * sweeping only turns "expired" into "unknown" with the same OAuth error.
 */
import type { Db } from '../database/index.js';
import { ACTIVITY_RETENTION_DAYS } from './activity.js';

/** Rows per batch: small enough to keep every DELETE statement short on a busy database. */
export const SWEEP_BATCH_SIZE = 500;

/** Batches per table per sweep: bounds one sweep's work; the next sweep continues. */
export const SWEEP_MAX_BATCHES = 100;

export interface SweepOptions {
  /** Epoch seconds, from the provider's clock. */
  now: number;
  batchSize?: number;
  maxBatches?: number;
}

export interface SweepCounts {
  codes: number;
  accessTokens: number;
  sessions: number;
  interactions: number;
  replayEntries: number;
  loginFailures: number;
  initialAccessTokens: number;
  activityCounts: number;
}

type Row = { tenantId: string };

async function inBatches<R extends Row>(
  options: Required<Pick<SweepOptions, 'batchSize' | 'maxBatches'>>,
  find: (take: number) => Promise<R[]>,
  remove: (rows: R[]) => Promise<number>,
): Promise<number> {
  let removed = 0;
  for (let batch = 0; batch < options.maxBatches; batch++) {
    const rows = await find(options.batchSize);
    if (rows.length > 0) removed += await remove(rows);
    if (rows.length < options.batchSize) break;
  }
  return removed;
}

/**
 * @example const counts = await sweepExpired(db, { now: Math.floor(Date.now() / 1000) });
 */
export async function sweepExpired(db: Db, options: SweepOptions): Promise<SweepCounts> {
  const limits = {
    batchSize: options.batchSize ?? SWEEP_BATCH_SIZE,
    maxBatches: options.maxBatches ?? SWEEP_MAX_BATCHES,
  };
  const expired = { expiresAt: { lt: new Date(options.now * 1000) } };
  // Keys are (tenantId, key) pairs: the sweep crosses tenants but deletes exactly what it found.
  const keys = <R extends Row>(rows: R[], key: (row: R) => object) =>
    rows.map((row) => ({ tenantId: row.tenantId, ...key(row) }));

  const codes = await inBatches(
    limits,
    (take) =>
      db.authorizationCode.findMany({
        where: expired,
        take,
        select: { tenantId: true, hash: true },
      }),
    async (rows) =>
      (
        await db.authorizationCode.deleteMany({
          where: { OR: keys(rows, (r) => ({ hash: r.hash })) },
        })
      ).count,
  );
  const accessTokens = await inBatches(
    limits,
    (take) =>
      db.accessToken.findMany({ where: expired, take, select: { tenantId: true, hash: true } }),
    async (rows) =>
      (await db.accessToken.deleteMany({ where: { OR: keys(rows, (r) => ({ hash: r.hash })) } }))
        .count,
  );
  const sessions = await inBatches(
    limits,
    (take) => db.session.findMany({ where: expired, take, select: { tenantId: true, id: true } }),
    async (rows) => {
      const [deleted] = await db.$transaction([
        db.session.deleteMany({ where: { OR: keys(rows, (r) => ({ id: r.id })) } }),
        db.sessionClient.deleteMany({ where: { OR: keys(rows, (r) => ({ sessionId: r.id })) } }),
      ]);
      return deleted.count;
    },
  );
  const interactions = await inBatches(
    limits,
    (take) =>
      db.interaction.findMany({ where: expired, take, select: { tenantId: true, id: true } }),
    async (rows) =>
      (await db.interaction.deleteMany({ where: { OR: keys(rows, (r) => ({ id: r.id })) } })).count,
  );
  const replayEntries = await inBatches(
    limits,
    (take) =>
      db.replayEntry.findMany({ where: expired, take, select: { tenantId: true, key: true } }),
    async (rows) =>
      (await db.replayEntry.deleteMany({ where: { OR: keys(rows, (r) => ({ key: r.key })) } }))
        .count,
  );
  const loginFailures = await inBatches(
    limits,
    (take) =>
      db.loginFailure.findMany({ where: expired, take, select: { tenantId: true, id: true } }),
    async (rows) =>
      (await db.loginFailure.deleteMany({ where: { OR: keys(rows, (r) => ({ id: r.id })) } }))
        .count,
  );
  // Tokens without an expiry never match `lt` (NULL compares false) and stay until revoked.
  const initialAccessTokens = await inBatches(
    limits,
    (take) =>
      db.initialAccessToken.findMany({
        where: expired,
        take,
        select: { tenantId: true, id: true },
      }),
    async (rows) =>
      (await db.initialAccessToken.deleteMany({ where: { OR: keys(rows, (r) => ({ id: r.id })) } }))
        .count,
  );
  const retained = new Date((options.now - ACTIVITY_RETENTION_DAYS * 86_400) * 1000);
  const activityCounts = await inBatches(
    limits,
    (take) =>
      db.activityCount.findMany({
        where: { hour: { lt: retained } },
        take,
        select: { tenantId: true, hour: true, kind: true },
      }),
    async (rows) =>
      (
        await db.activityCount.deleteMany({
          where: { OR: keys(rows, (r) => ({ hour: r.hour, kind: r.kind })) },
        })
      ).count,
  );
  return {
    codes,
    accessTokens,
    sessions,
    interactions,
    replayEntries,
    loginFailures,
    initialAccessTokens,
    activityCounts,
  };
}
