/**
 * Counts sign-ins, failed sign-ins and issued tokens per tenant for the console's charts, without
 * a database statement on the request path: `record` adds to an in-memory counter per (tenant,
 * UTC hour, kind), and a timer adds the totals to the durable counters (`recordActivity`) every
 * few seconds and once more at shutdown. Every instance flushes its own totals; the database adds
 * them up atomically.
 */
import type { Clock } from '@tessera/core';
import {
  type ActivityIncrement,
  type ActivityKind,
  type Db,
  recordActivity,
  startOfHour,
} from '@tessera/db';

/**
 * How often totals are written: a chart is at most this stale, and a crash (no shutdown flush)
 * loses at most this much; one statement per interval per instance costs nothing.
 */
export const ACTIVITY_FLUSH_INTERVAL_MS = 5_000;

export interface ActivityRecorder {
  /** Counts one event of `tenantId` at `at` (epoch seconds; default: the recorder's clock). */
  record(tenantId: string, kind: ActivityKind, at?: number): void;
  /** Writes what was counted so far (one flush at a time); a failed write is kept for the next. */
  flush(): Promise<void>;
  /** Stops the timer and flushes what is left. */
  close(): Promise<void>;
}

export interface StartActivityRecorderOptions {
  db: Db;
  /** Epoch seconds; the runtime's clock. */
  clock: Clock;
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * @example
 * const activity = startActivityRecorder({ db, clock: systemClock });
 * activity.record(tenant.id, 'sign_in');
 * // on shutdown: await activity.close();
 */
export function startActivityRecorder(options: StartActivityRecorderOptions): ActivityRecorder {
  let pending = new Map<string, ActivityIncrement>();
  let running: Promise<void> | undefined;

  const add = (tenantId: string, hour: Date, kind: ActivityKind, count: number) => {
    const key = `${tenantId}\u0000${hour.getTime()}\u0000${kind}`;
    const counter = pending.get(key);
    if (counter) counter.count += count;
    else pending.set(key, { tenantId, hour, kind, count });
  };

  const write = async () => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    try {
      await recordActivity(options.db, [...batch.values()]);
    } catch (error) {
      // Put the counts back: the next flush retries them (the map stays small, one entry per
      // tenant, hour and kind).
      for (const row of batch.values()) {
        add(row.tenantId, row.hour, row.kind, row.count);
      }
      options.onError?.(error);
    }
  };

  const flush = (): Promise<void> => {
    // A flush waits for the one running, then writes what came in meanwhile.
    const next = (running ?? Promise.resolve()).then(write);
    const tracked = next.finally(() => {
      if (running === tracked) running = undefined;
    });
    running = tracked;
    return tracked;
  };

  // unref: counting never keeps a process alive that has nothing else to do.
  const timer = setInterval(() => void flush(), options.intervalMs ?? ACTIVITY_FLUSH_INTERVAL_MS);
  timer.unref();

  return {
    record(tenantId, kind, at = options.clock()) {
      add(tenantId, startOfHour(new Date(at * 1000)), kind, 1);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
