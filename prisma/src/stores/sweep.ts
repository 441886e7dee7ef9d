/**
 * Removing expired rows in bounded batches. Each batch is a short SELECT of keys and a DELETE of
 * those keys, so a sweep never holds locks for long or blocks requests, and it can run on every
 * instance at once (deleting a row twice is harmless). It works across all tenants.
 *
 * Not swept: grants and refresh tokens (a rotated refresh token is kept until it expires so a
 * reuse can still revoke the grant; grants go with revocation, logout or client deletion).
 */
import type { Db } from '../database/index.js';

/** Rows per DELETE; small enough to keep each statement short on a busy database. */
export const SWEEP_BATCH_SIZE = 500;

export interface SweepCounts {
  codes: number;
  accessTokens: number;
  sessions: number;
  interactions: number;
  replayEntries: number;
}

type Keyed = { tenantId: string };

/** Deletes expired rows of one table batch by batch; `maxBatches` bounds one sweep's work. */
async function sweepTable<Row extends Keyed>(
  find: (take: number) => Promise<Row[]>,
  remove: (rows: Row[]) => Promise<{ count: number }>,
  batchSize: number,
  maxBatches: number,
): Promise<number> {
  let removed = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const rows = await find(batchSize);
    if (rows.length === 0) break;
    removed += (await remove(rows)).count;
    if (rows.length < batchSize) break;
  }
  return removed;
}

export async function sweepExpired(
  db: Db,
  options: { now: number; batchSize?: number; maxBatches?: number },
): Promise<SweepCounts> {
  const before = new Date(options.now * 1000);
  const size = options.batchSize ?? SWEEP_BATCH_SIZE;
  const max = options.maxBatches ?? 100;
  const expired = { expiresAt: { lt: before } };
  const pairs = <R extends Keyed>(rows: R[], key: (row: R) => Record<string, string>) =>
    rows.map((row) => ({ tenantId: row.tenantId, ...key(row) }));

  const codes = await sweepTable(
    (take) =>
      db.authorizationCode.findMany({
        where: expired,
        take,
        select: { tenantId: true, hash: true },
      }),
    (rows) =>
      db.authorizationCode.deleteMany({ where: { OR: pairs(rows, (r) => ({ hash: r.hash })) } }),
    size,
    max,
  );
  const accessTokens = await sweepTable(
    (take) =>
      db.accessToken.findMany({ where: expired, take, select: { tenantId: true, hash: true } }),
    (rows) => db.accessToken.deleteMany({ where: { OR: pairs(rows, (r) => ({ hash: r.hash })) } }),
    size,
    max,
  );
  const sessions = await sweepTable(
    (take) => db.session.findMany({ where: expired, take, select: { tenantId: true, id: true } }),
    async (rows) => {
      const [deleted] = await db.$transaction([
        db.session.deleteMany({ where: { OR: pairs(rows, (r) => ({ id: r.id })) } }),
        db.sessionClient.deleteMany({ where: { OR: pairs(rows, (r) => ({ sessionId: r.id })) } }),
      ]);
      return deleted;
    },
    size,
    max,
  );
  const interactions = await sweepTable(
    (take) =>
      db.interaction.findMany({ where: expired, take, select: { tenantId: true, id: true } }),
    (rows) => db.interaction.deleteMany({ where: { OR: pairs(rows, (r) => ({ id: r.id })) } }),
    size,
    max,
  );
  const replayEntries = await sweepTable(
    (take) =>
      db.replayEntry.findMany({ where: expired, take, select: { tenantId: true, key: true } }),
    (rows) => db.replayEntry.deleteMany({ where: { OR: pairs(rows, (r) => ({ key: r.key })) } }),
    size,
    max,
  );
  return { codes, accessTokens, sessions, interactions, replayEntries };
}

/** Sweeps every `intervalMs` in the background (timers never keep the process alive). */
export function startSweeper(options: {
  db: Db;
  intervalMs: number;
  clock: () => number;
  onError?: (error: unknown) => void;
}): { stop: () => void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return; // one sweep at a time per process
    running = true;
    sweepExpired(options.db, { now: options.clock() })
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = false;
      });
  }, options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
