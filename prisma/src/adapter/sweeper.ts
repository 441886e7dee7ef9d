/** Runs `sweepExpired` periodically in the background of a long-running host. */
import type { Db } from '../database/index.js';
import { type SweepCounts, sweepExpired } from './sweep.js';

export interface StartSweeperOptions {
  db: Db;
  intervalMs: number;
  /** Epoch seconds; the provider's clock, so tests with a frozen clock sweep deterministically. */
  clock: () => number;
  batchSize?: number;
  onSwept?: (counts: SweepCounts) => void;
  /** A failed sweep is reported here and retried at the next tick; it never stops the timer. */
  onError?: (error: unknown) => void;
}

export interface Sweeper {
  /** Sweeps now (skipped while a sweep runs), resolving with its counts. */
  sweepNow(): Promise<SweepCounts | undefined>;
  /** Stops the timer and waits for a running sweep to end. */
  close(): Promise<void>;
}

/**
 * @example const sweeper = startSweeper({ db, intervalMs: 60_000, clock: () => Math.floor(Date.now() / 1000) });
 * // on shutdown: await sweeper.close();
 */
export function startSweeper(options: StartSweeperOptions): Sweeper {
  let running: Promise<SweepCounts | undefined> | undefined;
  const sweepNow = () => {
    // One sweep at a time per process: a slow sweep is never stacked on by the next tick.
    if (running) return running.then(() => undefined);
    running = sweepExpired(options.db, { now: options.clock(), batchSize: options.batchSize })
      .then(
        (counts) => {
          options.onSwept?.(counts);
          return counts;
        },
        (error: unknown) => {
          options.onError?.(error);
          return undefined;
        },
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  // unref: the sweeper never keeps a process alive that has nothing else to do.
  const timer = setInterval(() => void sweepNow(), options.intervalMs);
  timer.unref();
  return {
    sweepNow,
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
