import { createRequire } from 'node:module';
import { recordActivity } from '@tessera/db';
import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../../src/graphql/schema/index';
import { getTenantActivity } from '../../../src/server/activity/get-tenant-activity';
import { AppError } from '../../../src/server/errors';
import { createTenant } from '../../../src/server/tenants/create-tenant';
import {
  appErrorOf,
  createUnitDeps,
  operator,
  tenantAdmin,
  UNIT_DATABASES,
  type UnitDeps,
} from '../../support/unit-deps';

/** 12:30 UTC: the hourly window ends at 13:00, the daily one at midnight. */
const NOW = new Date('2026-11-28T12:30:00Z');
const at = (iso: string) => new Date(iso);

// Pothos's CommonJS `graphql` instance (see tenant-graphql.test.ts for why).
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

for (const { name, database, skip } of UNIT_DATABASES) {
  describe.skipIf(skip)(`tenant activity (${name})`, () => {
    let unit: UnitDeps;
    let tenantId: string;
    let otherTenantId: string;

    beforeAll(async () => {
      unit = await createUnitDeps({ database, now: () => NOW });
      const create = (slug: string) =>
        createTenant({ deps: unit.deps, principal: operator(), slug, name: slug });
      tenantId = (await create('acme')).id;
      otherTenantId = (await create('globex')).id;
      const { db } = unit.deps;
      await recordActivity(db, [
        { tenantId, hour: at('2026-11-28T12:00:00Z'), kind: 'sign_in', count: 3 },
        { tenantId, hour: at('2026-11-28T11:00:00Z'), kind: 'token_issued', count: 5 },
        { tenantId, hour: at('2026-11-27T09:00:00Z'), kind: 'sign_in', count: 2 },
        { tenantId, hour: at('2026-11-26T23:00:00Z'), kind: 'sign_in_failed', count: 4 },
        // Before the 14-day window (it starts 2026-11-15T00:00Z).
        { tenantId, hour: at('2026-11-14T23:00:00Z'), kind: 'sign_in_failed', count: 9 },
        { tenantId: otherTenantId, hour: at('2026-11-28T12:00:00Z'), kind: 'sign_in', count: 100 },
      ]);
      await db.auditEvent.createMany({
        data: [
          {
            id: 'e1',
            tenantId,
            actorType: 'cli',
            actorId: 'cli',
            action: 'x',
            objectType: 'tenant',
            at: at('2026-11-20T10:00:00Z'),
          },
          {
            id: 'e2',
            tenantId: otherTenantId,
            actorType: 'cli',
            actorId: 'cli',
            action: 'x',
            objectType: 'tenant',
            at: at('2026-11-20T10:00:00Z'),
          },
        ],
      });
      const session = (id: string, owner: string, expiresAt: Date) => ({
        tenantId: owner,
        id,
        tokenHash: `hash-${id}`,
        userId: 'u',
        authTime: NOW,
        createdAt: NOW,
        expiresAt,
      });
      await db.session.createMany({
        data: [
          session('live-1', tenantId, at('2026-11-28T13:00:00Z')),
          session('live-2', tenantId, at('2026-12-01T00:00:00Z')),
          session('expired', tenantId, at('2026-11-28T12:00:00Z')),
          session('other', otherTenantId, at('2026-12-01T00:00:00Z')),
        ],
      });
    });
    afterAll(() => unit?.close());

    it('buckets the last 14 days by UTC day, oldest first, zeros included', async () => {
      const activity = await getTenantActivity({
        deps: unit.deps,
        principal: tenantAdmin(tenantId),
        tenantId,
        days: 14,
      });
      expect(activity.from).toEqual(at('2026-11-15T00:00:00Z'));
      expect(activity.to).toEqual(NOW);
      expect(activity.bucketSeconds).toBe(86_400);
      expect(activity.buckets).toHaveLength(14);
      expect(activity.buckets[0]).toEqual({
        start: at('2026-11-15T00:00:00Z'),
        signIns: 0,
        failedSignIns: 0,
        tokensIssued: 0,
        changes: 0,
      });
      const day = (iso: string) =>
        activity.buckets.find((b) => b.start.getTime() === at(iso).getTime());
      expect(day('2026-11-20T00:00:00Z')?.changes).toBe(1);
      expect(day('2026-11-26T00:00:00Z')?.failedSignIns).toBe(4);
      expect(day('2026-11-27T00:00:00Z')?.signIns).toBe(2);
      // Today: the counters, and the tenant's creation (an audit event at NOW).
      expect(activity.buckets[13]).toEqual({
        start: at('2026-11-28T00:00:00Z'),
        signIns: 3,
        failedSignIns: 0,
        tokensIssued: 5,
        changes: 1,
      });
      expect(activity.totals).toEqual({
        signIns: 5,
        failedSignIns: 4,
        tokensIssued: 5,
        changes: 2,
      });
      expect(activity.activeSessions).toBe(2);
    });

    it('uses hourly buckets up to 2 days, the last one being the current hour', async () => {
      const activity = await getTenantActivity({
        deps: unit.deps,
        principal: operator(),
        tenantId,
        days: 2,
      });
      expect(activity.bucketSeconds).toBe(3_600);
      expect(activity.buckets).toHaveLength(48);
      expect(activity.from).toEqual(at('2026-11-26T13:00:00Z'));
      expect(activity.buckets[47]?.start).toEqual(at('2026-11-28T12:00:00Z'));
      expect(activity.buckets[47]?.signIns).toBe(3);
      expect(activity.buckets[46]?.tokensIssued).toBe(5);
      expect(activity.totals).toEqual({
        signIns: 5,
        failedSignIns: 4,
        tokensIssued: 5,
        changes: 1,
      });
    });

    it('refuses other tenants\u2019 admins with FORBIDDEN, also for tenants that do not exist', async () => {
      for (const id of [tenantId, 'no-such-tenant']) {
        const error = await appErrorOf(
          getTenantActivity({
            deps: unit.deps,
            principal: tenantAdmin(otherTenantId),
            tenantId: id,
            days: 14,
          }),
        );
        expect(error.code).toBe('FORBIDDEN');
      }
      const missing = await appErrorOf(
        getTenantActivity({
          deps: unit.deps,
          principal: operator(),
          tenantId: 'no-such-tenant',
          days: 14,
        }),
      );
      expect(missing.code).toBe('NOT_FOUND');
    });

    it('refuses days outside 1 to 90 with VALIDATION_FAILED on days', async () => {
      for (const days of [0, 91, -3]) {
        const error = await appErrorOf(
          getTenantActivity({ deps: unit.deps, principal: operator(), tenantId, days }),
        );
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.fieldErrors.map((e) => e.path)).toEqual(['days']);
      }
      const longest = await getTenantActivity({
        deps: unit.deps,
        principal: operator(),
        tenantId,
        days: 90,
      });
      expect(longest.buckets).toHaveLength(90);
    });

    it('answers the GraphQL query with the default of 14 days', async () => {
      const result = (await graphql({
        schema: buildSchema(),
        source: /* GraphQL */ `
          query ($tenantId: ID!) {
            tenantActivity(tenantId: $tenantId) {
              from to bucketSeconds activeSessions
              buckets { start signIns failedSignIns tokensIssued changes }
              totals { signIns failedSignIns tokensIssued changes }
            }
          }
        `,
        variableValues: { tenantId },
        contextValue: { principal: tenantAdmin(tenantId), deps: unit.deps },
      })) as ExecutionResult<{
        tenantActivity: {
          bucketSeconds: number;
          buckets: unknown[];
          totals: unknown;
          from: string;
        };
      }>;
      expect(result.errors).toBeUndefined();
      expect(result.data?.tenantActivity.bucketSeconds).toBe(86_400);
      expect(result.data?.tenantActivity.buckets).toHaveLength(14);
      expect(result.data?.tenantActivity.from).toBe('2026-11-15T00:00:00.000Z');
      expect(result.data?.tenantActivity.totals).toEqual({
        signIns: 5,
        failedSignIns: 4,
        tokensIssued: 5,
        changes: 2,
      });
      const refused = await graphql({
        schema: buildSchema(),
        source: 'query ($tenantId: ID!) { tenantActivity(tenantId: $tenantId, days: 0) { from } }',
        variableValues: { tenantId },
        contextValue: { principal: operator(), deps: unit.deps },
      });
      const error = refused.errors?.[0]?.originalError;
      expect(error instanceof AppError && error.code).toBe('VALIDATION_FAILED');
    });
  });
}
