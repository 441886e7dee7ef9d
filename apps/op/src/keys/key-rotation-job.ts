/** Runs `rotateDueKeys` periodically in the background of apps/op, like the sweeper. */
import { randomBytes } from 'node:crypto';
import type { Clock, RandomSource } from '@tessera/core';
import type { Db, SecretBox } from '@tessera/db';
import { rotateDueKeys, type TenantRotation } from './rotate-due-keys';

/**
 * How often tenants are checked. Schedules count in days, so a minute's delay is nothing; what
 * it bounds is how long an instance start or a lost claim postpones a due rotation.
 */
export const KEY_ROTATION_INTERVAL_MS = 60_000;

export interface StartKeyRotationOptions {
  db: Db;
  secretBox: SecretBox;
  /** Epoch seconds; tests move it. */
  clock: Clock;
  random?: RandomSource;
  intervalMs?: number;
  onRotated?: (rotation: TenantRotation) => void;
  /** A failed pass is reported here and retried at the next tick; it never stops the timer. */
  onError?: (error: unknown) => void;
}

export interface KeyRotationJob {
  /** Runs a pass now (joined while one runs), resolving with what it changed. */
  runNow(): Promise<TenantRotation[]>;
  /** Stops the timer and waits for a running pass to end. */
  close(): Promise<void>;
}

/**
 * @example const job = startKeyRotationJob({ db, secretBox, clock: systemClock });
 * // on shutdown: await job.close();
 */
export function startKeyRotationJob(options: StartKeyRotationOptions): KeyRotationJob {
  const random = options.random ?? ((length: number) => randomBytes(length));
  let running: Promise<TenantRotation[]> | undefined;
  const runNow = () => {
    // One pass at a time per process: a slow pass is never stacked on by the next tick.
    running ??= rotateDueKeys({ ...options, random })
      .then(
        (rotations) => {
          for (const rotation of rotations) options.onRotated?.(rotation);
          return rotations;
        },
        (error: unknown) => {
          options.onError?.(error);
          return [];
        },
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  // unref: the job never keeps a process alive that has nothing else to do.
  const timer = setInterval(() => void runNow(), options.intervalMs ?? KEY_ROTATION_INTERVAL_MS);
  timer.unref();
  return {
    runNow,
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
