/**
 * What the rotation job must do for one tenant, decided from key metadata alone (no private key
 * is read to decide): rotate each algorithm whose newest active key has signed for
 * `intervalDays`, prune retired keys retired more than `overlapDays` ago.
 */
import type { SigningAlgorithm } from '@tessera/core';
import { DEFAULT_KEY_OVERLAP_DAYS, type KeyRotationSchedule } from '@tessera/db';

const DAY = 24 * 3600;

/** The columns of a signing key the plan reads; times in epoch seconds. */
export interface KeyFacts {
  kid: string;
  alg: string;
  state: string;
  createdAt: number;
  activatedAt?: number;
  retiredAt?: number;
}

export interface RotationPlan {
  rotate: SigningAlgorithm[];
  /** Retired keys retired before this instant (epoch seconds) are pruned. */
  pruneBefore: number;
  prune: string[];
}

/**
 * @example
 * const plan = planKeyRotation({ schedule: { intervalDays: 90, overlapDays: 7 }, keys, now });
 * if (plan.rotate.length + plan.prune.length > 0) ...
 */
export function planKeyRotation(input: {
  schedule: KeyRotationSchedule | undefined;
  keys: readonly KeyFacts[];
  now: number;
}): RotationPlan {
  const { schedule, keys, now } = input;
  const rotate: SigningAlgorithm[] = [];
  if (schedule) {
    const newestActive = new Map<string, number>();
    for (const key of keys) {
      if (key.state !== 'active') continue;
      const since = key.activatedAt ?? key.createdAt;
      newestActive.set(key.alg, Math.max(newestActive.get(key.alg) ?? since, since));
    }
    const dueBefore = now - schedule.intervalDays * DAY;
    for (const [alg, since] of [...newestActive].sort(([a], [b]) => a.localeCompare(b))) {
      if (since <= dueBefore) rotate.push(alg as SigningAlgorithm);
    }
  }
  const pruneBefore = now - (schedule?.overlapDays ?? DEFAULT_KEY_OVERLAP_DAYS) * DAY;
  const prune = keys
    .filter((key) => key.state === 'retired' && (key.retiredAt ?? 0) < pruneBefore)
    .map((key) => key.kid);
  return { rotate, pruneBefore, prune };
}
