/**
 * The activity counters on both providers: increments add up (also when many instances flush the
 * same keys at once), reads stay inside the tenant and the hour range, and the sweeper drops
 * counters past the retention.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIVITY_RETENTION_DAYS,
  activityCounts,
  recordActivity,
  startOfHour,
  sweepExpired,
} from '../../src/adapter/index.js';
import type { TestDatabase } from '../support/databases.js';
import { tenantRows } from '../support/tenants.js';
import { providers } from './providers.js';

const HOUR = new Date('2026-11-28T10:00:00.000Z');
const NEXT_HOUR = new Date('2026-11-28T11:00:00.000Z');

for (const provider of providers) {
  describe.skipIf(provider.skip)(`Activity counters on ${provider.name}`, () => {
    let database: TestDatabase;
    let ensureTenant: (id: string) => Promise<unknown>;
    beforeAll(async () => {
      database = await provider.open();
      ensureTenant = tenantRows(database.db);
    });
    afterAll(() => database?.close());

    const fresh = async (name: string) => {
      const id = `${name}-${Math.random().toString(36).slice(2)}`;
      await ensureTenant(id);
      return id;
    };

    it('adds increments to the hour they fall in and reads them back oldest first', async () => {
      const tenantId = await fresh('add');
      await recordActivity(database.db, [
        { tenantId, hour: new Date('2026-11-28T10:59:59.999Z'), kind: 'sign_in', count: 2 },
        { tenantId, hour: HOUR, kind: 'sign_in', count: 1 },
        { tenantId, hour: NEXT_HOUR, kind: 'token_issued', count: 4 },
      ]);
      await recordActivity(database.db, [
        { tenantId, hour: HOUR, kind: 'sign_in', count: 5 },
        { tenantId, hour: HOUR, kind: 'sign_in_failed', count: 1 },
      ]);
      expect(
        await activityCounts(database.db, tenantId, HOUR, new Date('2026-11-29T00:00:00Z')),
      ).toEqual([
        { hour: HOUR, kind: 'sign_in', count: 8 },
        { hour: HOUR, kind: 'sign_in_failed', count: 1 },
        { hour: NEXT_HOUR, kind: 'token_issued', count: 4 },
      ]);
      // `to` is exclusive.
      expect(await activityCounts(database.db, tenantId, HOUR, NEXT_HOUR)).toHaveLength(2);
    });

    it('ignores empty flushes and zero counts, and refuses unknown kinds', async () => {
      const tenantId = await fresh('zero');
      await recordActivity(database.db, []);
      await recordActivity(database.db, [{ tenantId, hour: HOUR, kind: 'sign_in', count: 0 }]);
      expect(await activityCounts(database.db, tenantId, HOUR, NEXT_HOUR)).toEqual([]);
      await expect(
        recordActivity(database.db, [
          // @ts-expect-error: not an activity kind
          { tenantId, hour: HOUR, kind: 'drop table', count: 1 },
        ]),
      ).rejects.toThrow(TypeError);
    });

    it('loses no count when 20 instances flush the same keys at once', async () => {
      const tenantId = await fresh('race');
      const flush = () =>
        recordActivity(database.db, [
          { tenantId, hour: HOUR, kind: 'token_issued', count: 3 },
          { tenantId, hour: HOUR, kind: 'sign_in', count: 1 },
          { tenantId, hour: NEXT_HOUR, kind: 'sign_in', count: 2 },
        ]);
      await Promise.all(Array.from({ length: 20 }, flush));
      expect(
        await activityCounts(database.db, tenantId, HOUR, new Date('2026-11-29T00:00:00Z')),
      ).toEqual([
        { hour: HOUR, kind: 'sign_in', count: 20 },
        { hour: HOUR, kind: 'token_issued', count: 60 },
        { hour: NEXT_HOUR, kind: 'sign_in', count: 40 },
      ]);
    });

    it("keeps tenants apart: one tenant's counters never show in another's", async () => {
      const a = await fresh('iso-a');
      const b = await fresh('iso-b');
      await recordActivity(database.db, [
        { tenantId: a, hour: HOUR, kind: 'sign_in', count: 7 },
        { tenantId: b, hour: HOUR, kind: 'sign_in', count: 1 },
      ]);
      expect(await activityCounts(database.db, a, HOUR, NEXT_HOUR)).toEqual([
        { hour: HOUR, kind: 'sign_in', count: 7 },
      ]);
      expect(await activityCounts(database.db, b, HOUR, NEXT_HOUR)).toEqual([
        { hour: HOUR, kind: 'sign_in', count: 1 },
      ]);
    });

    it('writes many keys in one flush (more than one statement)', async () => {
      const tenantId = await fresh('many');
      const increments = Array.from({ length: 600 }, (_, i) => ({
        tenantId,
        hour: new Date(HOUR.getTime() - i * 3_600_000),
        kind: 'token_issued' as const,
        count: 1,
      }));
      await recordActivity(database.db, increments);
      const rows = await activityCounts(database.db, tenantId, new Date(0), NEXT_HOUR);
      expect(rows).toHaveLength(600);
      expect(rows[0]?.hour).toEqual(new Date(HOUR.getTime() - 599 * 3_600_000));
    });

    it('goes away with its tenant', async () => {
      const tenantId = await fresh('cascade');
      await recordActivity(database.db, [{ tenantId, hour: HOUR, kind: 'sign_in', count: 1 }]);
      await database.db.tenant.delete({ where: { id: tenantId } });
      expect(await database.db.activityCount.count({ where: { tenantId } })).toBe(0);
    });

    it(`is swept after ${ACTIVITY_RETENTION_DAYS} days and kept until then`, async () => {
      const tenantId = await fresh('sweep');
      const now = Math.floor(NEXT_HOUR.getTime() / 1000);
      const day = 86_400_000;
      const old = startOfHour(new Date(NEXT_HOUR.getTime() - ACTIVITY_RETENTION_DAYS * day - 1));
      const kept = new Date(NEXT_HOUR.getTime() - (ACTIVITY_RETENTION_DAYS - 1) * day);
      await recordActivity(database.db, [
        { tenantId, hour: old, kind: 'sign_in', count: 1 },
        { tenantId, hour: kept, kind: 'sign_in', count: 1 },
      ]);
      const counts = await sweepExpired(database.db, { now });
      expect(counts.activityCounts).toBe(1);
      expect(await activityCounts(database.db, tenantId, new Date(0), NEXT_HOUR)).toEqual([
        { hour: kept, kind: 'sign_in', count: 1 },
      ]);
    });
  });
}

describe('startOfHour', () => {
  it('truncates to the UTC hour', () => {
    expect(startOfHour(new Date('2026-11-28T10:59:59.999Z'))).toEqual(HOUR);
    expect(startOfHour(HOUR)).toEqual(HOUR);
  });
});
