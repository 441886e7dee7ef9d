import { DEFAULT_KEY_OVERLAP_DAYS } from '@tessera/db';
import { describe, expect, it } from 'vitest';
import { type KeyFacts, planKeyRotation } from '../../src/keys/rotation-plan';

const DAY = 24 * 3600;
const NOW = 2_000_000_000;
const schedule = { intervalDays: 30, overlapDays: 2 };

const active = (kid: string, alg: string, ageDays: number): KeyFacts => ({
  kid,
  alg,
  state: 'active',
  createdAt: NOW - ageDays * DAY - 100,
  activatedAt: NOW - ageDays * DAY,
});
const retired = (kid: string, daysAgo: number): KeyFacts => ({
  kid,
  alg: 'RS256',
  state: 'retired',
  createdAt: NOW - 400 * DAY,
  retiredAt: NOW - daysAgo * DAY,
});

describe('planning scheduled key rotation', () => {
  it('rotates an algorithm whose active key signed for the interval, not one that is younger', () => {
    const plan = planKeyRotation({
      schedule,
      keys: [active('a', 'RS256', 30), active('b', 'ES256', 29)],
      now: NOW,
    });
    expect(plan.rotate).toEqual(['RS256']);
  });

  it('judges an algorithm by its newest active key', () => {
    const plan = planKeyRotation({
      schedule,
      keys: [active('old', 'RS256', 90), active('new', 'RS256', 1)],
      now: NOW,
    });
    expect(plan.rotate).toEqual([]);
  });

  it('never rotates without a schedule', () => {
    expect(
      planKeyRotation({ schedule: undefined, keys: [active('a', 'RS256', 999)], now: NOW }).rotate,
    ).toEqual([]);
  });

  it('prunes keys retired longer than the overlap and keeps the rest', () => {
    const plan = planKeyRotation({
      schedule,
      keys: [retired('gone', 3), retired('kept', 1), active('a', 'RS256', 1)],
      now: NOW,
    });
    expect(plan.prune).toEqual(['gone']);
    expect(plan.pruneBefore).toBe(NOW - 2 * DAY);
  });

  it('prunes after the default overlap when the tenant has no schedule', () => {
    const plan = planKeyRotation({
      schedule: undefined,
      keys: [
        retired('gone', DEFAULT_KEY_OVERLAP_DAYS + 1),
        retired('kept', DEFAULT_KEY_OVERLAP_DAYS - 1),
      ],
      now: NOW,
    });
    expect(plan.prune).toEqual(['gone']);
  });
});
