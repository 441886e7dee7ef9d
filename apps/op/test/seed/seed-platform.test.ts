import { randomBytes } from 'node:crypto';
import { HashBasedSubjectIdentifierFactory, Provider } from '@tessera/core';
import {
  createSecretBox,
  createTenantStores,
  type Db,
  loginLimitsSchema,
  parseTenantSettings,
  type ScryptParams,
  toProviderSettings,
} from '@tessera/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authenticateUser } from '../../src/login/authenticate-user';
import { type SeedPlatformOptions, seedPlatform } from '../../src/seed/seed-platform';
import { type TestDatabase, testDatabases } from '../support/test-databases';

const FAST: ScryptParams = { ln: 4, r: 8, p: 1 };
const NOW = new Date('2026-01-01T00:00:00Z');
const PUBLIC_URL = 'http://localhost:3000';
const secretBox = createSecretBox(randomBytes(32));

for (const provider of testDatabases) {
  describe.skipIf(provider.skip)(`Seeding the platform on ${provider.name}`, () => {
    let database: TestDatabase;
    let db: Db;
    beforeAll(async () => {
      database = await provider.open();
      db = database.db;
    });
    afterAll(async () => {
      await database?.close();
    });
    beforeEach(async () => {
      // Tenants take their users, clients and memberships along (cascades).
      await db.tenant.deleteMany();
      await db.operator.deleteMany();
    });

    const seed = (options: Partial<SeedPlatformOptions> = {}) =>
      seedPlatform({
        db,
        secretBox,
        publicUrl: PUBLIC_URL,
        demo: true,
        now: () => NOW,
        hashParams: FAST,
        ...options,
      });

    async function tenantBySlug(slug: string) {
      return db.tenant.findUniqueOrThrow({ where: { slug } });
    }

    async function logIn(slug: string, login: string, password: string) {
      const tenant = await tenantBySlug(slug);
      return authenticateUser({
        db,
        tenantId: tenant.id,
        login,
        password,
        address: '192.0.2.1',
        limits: loginLimitsSchema.parse({}),
        now: () => NOW,
        hashParams: FAST,
      });
    }

    /** A provider of the demo tenant over the database, as apps/op builds one. */
    async function demoProvider() {
      const tenant = await tenantBySlug('demo');
      const settings = parseTenantSettings(tenant.settings);
      return Provider.create({
        issuer: `${PUBLIC_URL}/demo`,
        stores: createTenantStores(db, tenant.id, { secretBox }),
        subjectSalt: settings.subjectSalt,
        settings: toProviderSettings(settings),
        clock: () => Math.floor(NOW.getTime() / 1000),
      });
    }

    function tokenRequest(clientId: string, secret: string) {
      return new Request(`${PUBLIC_URL}/demo/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: 'no-such-code',
          redirect_uri: 'http://localhost:3000/demo-rp/callback',
        }),
      });
    }

    it('creates the admin tenant with a platform operator and a one-time password', async () => {
      const result = await seed();
      expect(result.created).toBe(true);
      expect(result.admin).toMatchObject({ login: 'admin', issuer: `${PUBLIC_URL}/admin` });
      const password = result.admin?.password ?? '';
      expect(password.length).toBeGreaterThanOrEqual(20);

      const tenant = await tenantBySlug('admin');
      expect(tenant.name).toBe('Tessera Admin');
      const settings = parseTenantSettings(tenant.settings);
      const login = await logIn('admin', 'admin', password);
      expect(login.ok).toBe(true);
      const userId = login.ok ? login.userId : '';

      const operator = await db.operator.findFirstOrThrow({ include: { memberships: true } });
      expect(operator.subject).toBe(
        new HashBasedSubjectIdentifierFactory(settings.subjectSalt).createPublicIdentifier(userId),
      );
      expect(operator.memberships).toEqual([
        expect.objectContaining({ tenantId: null, role: 'platform_operator' }),
      ]);
    });

    it('creates the demo tenant with its user and claims', async () => {
      const result = await seed();
      expect(result.demo).toMatchObject({
        login: 'demo',
        password: 'demo',
        clientId: 'demo-client',
        issuer: `${PUBLIC_URL}/demo`,
      });
      const tenant = await tenantBySlug('demo');
      expect(tenant.name).toBe('Demo');
      const login = await logIn('demo', 'demo', 'demo');
      expect(login.ok).toBe(true);
      const user = await db.user.findFirstOrThrow({ where: { tenantId: tenant.id } });
      expect(user.claims).toEqual({
        name: 'Demo User',
        given_name: 'Demo',
        family_name: 'User',
        email: 'demo@example.com',
        email_verified: true,
      });
    });

    it('gives every tenant its own settings with a random subject salt', async () => {
      await seed();
      const admin = parseTenantSettings((await tenantBySlug('admin')).settings);
      const demo = parseTenantSettings((await tenantBySlug('demo')).settings);
      expect(admin.subjectSalt).not.toBe(demo.subjectSalt);
    });

    it('closes dynamic registration at the admin tenant and leaves it open at the demo', async () => {
      await seed();
      const admin = parseTenantSettings((await tenantBySlug('admin')).settings);
      const demo = parseTenantSettings((await tenantBySlug('demo')).settings);
      expect(admin.protocol.registration).toBe('off');
      expect(demo.protocol.registration).toBeUndefined();
    });

    it('creates nothing and returns no secret on the second run', async () => {
      await seed();
      const counts = async () => [
        await db.tenant.count(),
        await db.user.count(),
        await db.client.count(),
        await db.operator.count(),
        await db.membership.count(),
      ];
      const before = await counts();
      expect(await seed()).toEqual({ created: false });
      expect(await counts()).toEqual(before);
    });

    it('creates everything once when two instances seed at the same moment', async () => {
      const results = await Promise.all([seed(), seed()]);
      expect(results.filter((r) => r.admin).length).toBe(1);
      expect(results.filter((r) => r.demo).length).toBe(1);
      expect(await db.tenant.count()).toBe(2);
      expect(await db.operator.count()).toBe(1);
      expect(await db.client.count()).toBe(1);
    });

    it('uses the given admin email and password', async () => {
      const result = await seed({ adminEmail: 'Ops@Example.com', adminPassword: 'given password' });
      expect(result.admin).toEqual({ login: 'ops@example.com', issuer: `${PUBLIC_URL}/admin` });
      expect((await logIn('admin', 'ops@example.com', 'given password')).ok).toBe(true);
      const operator = await db.operator.findFirstOrThrow();
      expect(operator.email).toBe('ops@example.com');
    });

    it('leaves the demo tenant out when told to (production)', async () => {
      const result = await seed({ demo: false });
      expect(result.demo).toBeUndefined();
      expect(await db.tenant.findUnique({ where: { slug: 'demo' } })).toBeNull();
    });

    it('registers the demo client so that the token endpoint accepts its secret', async () => {
      const result = await seed({ demoRedirectUris: ['http://localhost:3000/demo-rp/callback'] });
      const clientSecret = result.demo?.clientSecret ?? '';
      expect(clientSecret).toMatch(/^[\w-]{43}$/);
      const op = await demoProvider();

      const accepted = await op.handle(tokenRequest('demo-client', clientSecret));
      // The client authenticated; only the (made-up) code was refused.
      expect(accepted.status).toBe(400);
      expect(await accepted.json()).toMatchObject({ error: 'invalid_grant' });

      const refused = await op.handle(tokenRequest('demo-client', `${clientSecret}x`));
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ error: 'invalid_client' });
    });
  });
}
