import { createHash, randomBytes } from 'node:crypto';
import { Provider } from '@tessera/core';
import {
  createTenantStores,
  parseTenantSettings,
  toProviderSettings,
  verifyPassword,
} from '@tessera/db';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CLIENT_ID, ensureConsoleClient } from '../../../src/auth/console-client';
import { createOperator } from '../../../src/server/operators/create-operator';
import { grantTenantAdmin } from '../../../src/server/operators/grant-tenant-admin';
import { listOperators } from '../../../src/server/operators/list-operators';
import { revokeMembership } from '../../../src/server/operators/revoke-membership';
import { createTenant } from '../../../src/server/tenants/create-tenant';
import {
  appErrorOf,
  createUnitDeps,
  operator,
  TEST_OP_PUBLIC_URL,
  tenantAdmin,
  UNIT_DATABASES,
  type UnitDeps,
} from '../../support/unit-deps';

const WEB_URL = 'https://console.test';
const CONSOLE_SECRET = randomBytes(32).toString('base64url');

for (const database of UNIT_DATABASES) {
  describe.skipIf(database.skip)(`operators (${database.name})`, () => {
    let unit: UnitDeps;
    let adminTenantId: string;
    let acmeId: string;

    beforeAll(async () => {
      unit = await createUnitDeps({ database: database.database });
      const create = (slug: string) =>
        createTenant({ deps: unit.deps, principal: operator(), slug, name: slug });
      adminTenantId = (await create('admin')).id;
      acmeId = (await create('acme')).id;
      await ensureConsoleClient({
        db: unit.deps.db,
        secretBox: unit.deps.secretBox,
        webPublicUrl: WEB_URL,
        clientSecret: CONSOLE_SECRET,
      });
    });
    afterAll(() => unit?.close());

    /** The admin tenant's provider, built from the database as apps/op builds it. */
    async function adminProvider(): Promise<Provider> {
      const tenant = await unit.deps.db.tenant.findUniqueOrThrow({ where: { id: adminTenantId } });
      const settings = parseTenantSettings(tenant.settings);
      return Provider.create({
        issuer: `${TEST_OP_PUBLIC_URL}/admin`,
        stores: createTenantStores(unit.deps.db, adminTenantId, { secretBox: unit.deps.secretBox }),
        subjectSalt: settings.subjectSalt,
        settings: toProviderSettings(settings),
      });
    }

    /** The `sub` of the console's ID token after `userId` signs in (code flow with PKCE). */
    async function consoleSubjectOf(userId: string): Promise<string> {
      const provider = await adminProvider();
      const redirectUri = `${WEB_URL}/api/auth/callback/tessera`;
      const verifier = randomBytes(32).toString('base64url');
      const request = await provider.parseAuthenticationRequest({
        client_id: CONSOLE_CLIENT_ID,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: 'openid email',
        state: 'state',
        nonce: 'nonce',
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      });
      const { params } = await provider.authorize(request, userId);
      const body = await provider.handleTokenRequest(
        new URLSearchParams({
          grant_type: 'authorization_code',
          code: params.code as string,
          redirect_uri: redirectUri,
          code_verifier: verifier,
        }),
        {
          authorization: `Basic ${Buffer.from(`${CONSOLE_CLIENT_ID}:${CONSOLE_SECRET}`).toString('base64')}`,
        },
      );
      return decodeJwt(body.id_token as string).sub as string;
    }

    it("is an admin-tenant user whose console sub is the operator's subject", async () => {
      const created = await createOperator({
        deps: unit.deps,
        principal: operator(),
        email: '  Ops@Example.COM ',
        name: 'Ops',
        platformOperator: true,
      });
      expect(created.login).toBe('ops@example.com');
      expect(created.password).toMatch(/^[\w-]{24}$/);
      const user = await unit.deps.db.user.findUniqueOrThrow({
        where: { tenantId_loginName: { tenantId: adminTenantId, loginName: 'ops@example.com' } },
      });
      expect(await verifyPassword(created.password as string, user.passwordHash as string)).toBe(
        true,
      );
      expect(user.claims).toEqual({ name: 'Ops', email: 'ops@example.com', email_verified: true });
      expect(created.operator).toMatchObject({
        email: 'ops@example.com',
        platformOperator: true,
        memberships: [{ role: 'platform_operator', tenantId: null }],
      });
      expect(await consoleSubjectOf(user.id)).toBe(created.operator.subject);
    });

    it('keeps a given password (returning none) and grants tenant admin roles', async () => {
      const created = await createOperator({
        deps: unit.deps,
        principal: operator(),
        email: 'acme-admin@example.com',
        password: 'a long enough password',
        tenantIds: [acmeId],
      });
      expect(created.password).toBeUndefined();
      expect(created.operator).toMatchObject({
        platformOperator: false,
        memberships: [{ role: 'tenant_admin', tenantId: acmeId, tenantSlug: 'acme' }],
      });
      const user = await unit.deps.db.user.findFirstOrThrow({
        where: { tenantId: adminTenantId, loginName: 'acme-admin@example.com' },
      });
      expect(await verifyPassword('a long enough password', user.passwordHash as string)).toBe(
        true,
      );
    });

    it('records one platform-level audit event without the password', async () => {
      const created = await createOperator({
        deps: unit.deps,
        principal: operator('alice'),
        email: 'audited@example.com',
        password: 'secret-never-logged',
        platformOperator: true,
      });
      const events = await unit.deps.db.auditEvent.findMany({
        where: { action: 'operator.create', objectId: created.operator.id },
      });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ tenantId: null, actorId: 'alice', objectType: 'operator' });
      expect(JSON.stringify(events[0]?.details)).not.toContain('secret-never-logged');
    });

    it('refuses an address that is taken, creating nothing', async () => {
      const users = await unit.deps.db.user.count();
      const error = await appErrorOf(
        createOperator({
          deps: unit.deps,
          principal: operator(),
          email: 'OPS@example.com',
          platformOperator: true,
        }),
      );
      expect(error.code).toBe('CONFLICT');
      expect(await unit.deps.db.user.count()).toBe(users);
    });

    it('reports invalid input by field path', async () => {
      const error = await appErrorOf(
        createOperator({
          deps: unit.deps,
          principal: operator(),
          email: 'not an address',
          password: 'short',
          tenantIds: ['no-such-tenant'],
        }),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors.map((e) => e.path).sort()).toEqual(['email', 'password']);
      const unknownTenant = await appErrorOf(
        createOperator({
          deps: unit.deps,
          principal: operator(),
          email: 'x@example.com',
          tenantIds: [acmeId, 'no-such-tenant'],
        }),
      );
      expect(unknownTenant.fieldErrors).toEqual([
        { path: 'tenantIds.1', message: "No tenant 'no-such-tenant'" },
      ]);
      const noRole = await appErrorOf(
        createOperator({ deps: unit.deps, principal: operator(), email: 'y@example.com' }),
      );
      expect(noRole.fieldErrors.map((e) => e.path)).toEqual(['tenantIds']);
    });

    it('is for platform operators only', async () => {
      for (const call of [
        () =>
          createOperator({
            deps: unit.deps,
            principal: tenantAdmin(acmeId),
            email: 'z@example.com',
            tenantIds: [acmeId],
          }),
        () => listOperators({ deps: unit.deps, principal: tenantAdmin(acmeId) }),
      ]) {
        expect((await appErrorOf(call())).code).toBe('FORBIDDEN');
      }
    });

    it('grants and revokes tenant admin roles, and keeps the last platform operator', async () => {
      const { operator: created } = await createOperator({
        deps: unit.deps,
        principal: operator(),
        email: 'grant@example.com',
        platformOperator: true,
      });
      const granted = await grantTenantAdmin({
        deps: unit.deps,
        principal: operator(),
        operatorId: created.id,
        tenantId: acmeId,
      });
      expect(granted.memberships.map((m) => m.role)).toEqual(['platform_operator', 'tenant_admin']);
      const again = await grantTenantAdmin({
        deps: unit.deps,
        principal: operator(),
        operatorId: created.id,
        tenantId: acmeId,
      });
      expect(again.memberships).toHaveLength(2);
      const adminRole = granted.memberships.find((m) => m.role === 'tenant_admin');
      const revoked = await revokeMembership({
        deps: unit.deps,
        principal: operator(),
        membershipId: adminRole?.id as string,
      });
      expect(revoked.memberships.map((m) => m.role)).toEqual(['platform_operator']);

      // Take the platform role from everyone else; the last one cannot lose it.
      const platformRoles = await unit.deps.db.membership.findMany({
        where: { role: 'platform_operator' },
        orderBy: { createdAt: 'asc' },
      });
      for (const membership of platformRoles.slice(1)) {
        await revokeMembership({
          deps: unit.deps,
          principal: operator(),
          membershipId: membership.id,
        });
      }
      const last = await appErrorOf(
        revokeMembership({
          deps: unit.deps,
          principal: operator(),
          membershipId: platformRoles[0]?.id as string,
        }),
      );
      expect(last.code).toBe('CONFLICT');
      expect(await unit.deps.db.membership.count({ where: { role: 'platform_operator' } })).toBe(1);
    });

    it('lists operators by email, a page at a time', async () => {
      const first = await listOperators({ deps: unit.deps, principal: operator(), first: 2 });
      expect(first.nodes).toHaveLength(2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const rest = await listOperators({
        deps: unit.deps,
        principal: operator(),
        first: 100,
        after: first.pageInfo.endCursor,
      });
      const emails = [...first.nodes, ...rest.nodes].map((o) => o.email);
      expect(emails).toEqual([...emails].sort());
      expect(emails.length).toBe(first.totalCount);
    });
  });
}
