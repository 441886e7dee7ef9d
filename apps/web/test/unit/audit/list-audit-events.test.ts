import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/server/audit/list-audit-events';
import type { Principal } from '../../../src/server/principal';
import {
  appErrorOf,
  createUnitDeps,
  operator,
  tenantAdmin,
  UNIT_DATABASES,
  type UnitDeps,
} from '../../support/unit-deps';

const A = 'tenant-a';
const B = 'tenant-b';
const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 12, n));

// Oldest first; e4 and e5 share a millisecond, so only the id orders them.
const EVENTS = [
  {
    id: 'e1',
    tenantId: A,
    actorId: 'alice',
    action: 'tenant.create',
    objectType: 'tenant',
    objectId: A,
    at: minute(1),
  },
  {
    id: 'e2',
    tenantId: B,
    actorId: 'alice',
    action: 'tenant.create',
    objectType: 'tenant',
    objectId: B,
    at: minute(2),
  },
  {
    id: 'e3',
    tenantId: null,
    actorId: 'alice',
    action: 'api_client.create',
    objectType: 'api_client',
    objectId: 'c1',
    at: minute(3),
  },
  {
    id: 'e4',
    tenantId: A,
    actorId: 'bob',
    action: 'client.create',
    objectType: 'client',
    objectId: 'rp-1',
    at: minute(4),
  },
  {
    id: 'e5',
    tenantId: A,
    actorId: 'bob',
    action: 'client.update',
    objectType: 'client',
    objectId: 'rp-1',
    at: minute(4),
  },
  {
    id: 'e6',
    tenantId: B,
    actorId: 'carol',
    action: 'client.create',
    objectType: 'client',
    objectId: 'rp-2',
    at: minute(6),
  },
  {
    id: 'e7',
    tenantId: A,
    actorId: 'alice',
    action: 'tenant.settings.update',
    objectType: 'tenant',
    objectId: A,
    at: minute(7),
  },
];

for (const database of UNIT_DATABASES) {
  describe.skipIf(database.skip)(`the audit log (${database.name})`, () => {
    let unit: UnitDeps;

    beforeAll(async () => {
      unit = await createUnitDeps({ database: database.database });
      await unit.deps.db.auditEvent.createMany({
        data: EVENTS.map((event) => ({
          ...event,
          actorType: 'operator',
          details: { note: event.id },
          ip: '198.51.100.1',
        })),
      });
    });
    afterAll(() => unit?.close());

    const ids = async (principal: Principal, filter: Record<string, unknown> = {}) =>
      (await listAuditEvents({ deps: unit.deps, principal, first: 100, ...filter })).nodes.map(
        (event) => event.id,
      );

    it('shows a platform operator every event, newest first, platform-level ones included', async () => {
      expect(await ids(operator())).toEqual(['e7', 'e6', 'e5', 'e4', 'e3', 'e2', 'e1']);
      const [newest] = (await listAuditEvents({ deps: unit.deps, principal: operator(), first: 1 }))
        .nodes;
      expect(newest).toEqual({
        id: 'e7',
        tenantId: A,
        actorType: 'operator',
        actorId: 'alice',
        action: 'tenant.settings.update',
        objectType: 'tenant',
        objectId: A,
        details: { note: 'e7' },
        ip: '198.51.100.1',
        at: minute(7),
      });
    });

    it('shows a tenant admin only the events of their tenants, never platform-level ones', async () => {
      expect(await ids(tenantAdmin(A))).toEqual(['e7', 'e5', 'e4', 'e1']);
      expect(await ids(tenantAdmin(A, B))).toEqual(['e7', 'e6', 'e5', 'e4', 'e2', 'e1']);
      expect(await ids(tenantAdmin())).toEqual([]);
    });

    it('lets a tenant admin filter by their own tenant and forbids any other', async () => {
      expect(await ids(tenantAdmin(A), { tenantId: A })).toEqual(['e7', 'e5', 'e4', 'e1']);
      const error = await appErrorOf(
        listAuditEvents({ deps: unit.deps, principal: tenantAdmin(A), tenantId: B }),
      );
      expect(error.code).toBe('FORBIDDEN');
    });

    it('pages through the log with first and after, each event exactly once', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page = await listAuditEvents({
          deps: unit.deps,
          principal: operator(),
          first: 2,
          after,
        });
        seen.push(...page.nodes.map((event) => event.id));
        pages += 1;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(pages).toBe(4);
      expect(seen).toEqual(['e7', 'e6', 'e5', 'e4', 'e3', 'e2', 'e1']);
    });

    it('continues a filtered list from its cursor', async () => {
      const first = await listAuditEvents({
        deps: unit.deps,
        principal: tenantAdmin(A),
        first: 2,
      });
      expect(first.nodes.map((event) => event.id)).toEqual(['e7', 'e5']);
      const second = await listAuditEvents({
        deps: unit.deps,
        principal: tenantAdmin(A),
        first: 2,
        after: first.pageInfo.endCursor,
      });
      expect(second.nodes.map((event) => event.id)).toEqual(['e4', 'e1']);
      expect(second.pageInfo).toEqual({ endCursor: expect.any(String), hasNextPage: false });
    });

    it('filters by tenant, actor, object, action and time', async () => {
      expect(await ids(operator(), { tenantId: B })).toEqual(['e6', 'e2']);
      expect(await ids(operator(), { actorId: 'bob' })).toEqual(['e5', 'e4']);
      expect(await ids(operator(), { objectType: 'client', objectId: 'rp-1' })).toEqual([
        'e5',
        'e4',
      ]);
      expect(await ids(operator(), { objectType: 'api_client' })).toEqual(['e3']);
      expect(await ids(operator(), { action: 'tenant.create' })).toEqual(['e2', 'e1']);
      expect(await ids(operator(), { from: minute(4), to: minute(7) })).toEqual(['e6', 'e5', 'e4']);
      expect(await ids(operator(), { from: minute(6) })).toEqual(['e7', 'e6']);
      expect(await ids(operator(), { to: minute(2) })).toEqual(['e1']);
      expect(await ids(tenantAdmin(A), { actorId: 'alice' })).toEqual(['e7', 'e1']);
    });

    it('rejects a time range that ends before it starts at the path to', async () => {
      const error = await appErrorOf(
        listAuditEvents({ deps: unit.deps, principal: operator(), from: minute(5), to: minute(5) }),
      );
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'to' }] });
    });

    it('rejects a page size out of range and a cursor from elsewhere', async () => {
      for (const first of [0, 101]) {
        const error = await appErrorOf(
          listAuditEvents({ deps: unit.deps, principal: operator(), first }),
        );
        expect(error).toMatchObject({
          code: 'VALIDATION_FAILED',
          fieldErrors: [{ path: 'first' }],
        });
      }
      const foreign = Buffer.from('acme', 'utf8').toString('base64url');
      for (const after of ['not a cursor!', foreign]) {
        const error = await appErrorOf(
          listAuditEvents({ deps: unit.deps, principal: operator(), after }),
        );
        expect(error).toMatchObject({
          code: 'VALIDATION_FAILED',
          fieldErrors: [{ path: 'after' }],
        });
      }
    });
  });
}
