import { Provider } from '@tessera/core';
import { createTenantStores, parseTenantSettings, toProviderSettings } from '@tessera/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../../src/auth/authenticate';
import { createApiClient } from '../../../src/server/api-clients/create-api-client';
import { deleteApiClient } from '../../../src/server/api-clients/delete-api-client';
import { listApiClients } from '../../../src/server/api-clients/list-api-clients';
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

for (const database of UNIT_DATABASES) {
  describe.skipIf(database.skip)(`API clients (${database.name})`, () => {
    let unit: UnitDeps;
    let adminTenantId: string;
    let acmeId: string;
    let provider: Provider;

    beforeAll(async () => {
      unit = await createUnitDeps({ database: database.database });
      const create = (slug: string) =>
        createTenant({ deps: unit.deps, principal: operator(), slug, name: slug });
      adminTenantId = (await create('admin')).id;
      acmeId = (await create('acme')).id;
      const tenant = await unit.deps.db.tenant.findUniqueOrThrow({ where: { id: adminTenantId } });
      const settings = parseTenantSettings(tenant.settings);
      provider = await Provider.create({
        issuer: `${TEST_OP_PUBLIC_URL}/admin`,
        stores: createTenantStores(unit.deps.db, adminTenantId, { secretBox: unit.deps.secretBox }),
        subjectSalt: settings.subjectSalt,
        settings: toProviderSettings(settings),
      });
    });
    afterAll(() => unit?.close());

    const tokenResponse = (clientId: string, secret: string) =>
      provider.handle(
        new Request(`${TEST_OP_PUBLIC_URL}/admin/token`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({ grant_type: 'client_credentials' }),
        }),
      );
    const authenticate = () =>
      createAuthenticator({
        db: unit.deps.db,
        secretBox: unit.deps.secretBox,
        sessionSecret: 'unused-in-these-tests',
      });
    const bearer = (token: string) =>
      new Request('https://console.test/api/graphql', {
        headers: { authorization: `Bearer ${token}` },
      });

    it("gets access tokens at the admin tenant's token endpoint that carry its roles", async () => {
      const { apiClient, clientSecret } = await createApiClient({
        deps: unit.deps,
        principal: operator(),
        name: 'deploy bot',
        roles: [{ role: 'tenant_admin', tenantId: acmeId }],
      });
      expect(apiClient).toMatchObject({
        name: 'deploy bot',
        roles: [{ role: 'tenant_admin', tenantId: acmeId, tenantSlug: 'acme' }],
      });
      expect(clientSecret).toMatch(/^[\w-]{43}$/);

      const response = await tokenResponse(apiClient.clientId, clientSecret);
      expect(response.status).toBe(200);
      const { access_token } = (await response.json()) as { access_token: string };
      const result = await authenticate()(bearer(access_token));
      expect(result).toMatchObject({
        kind: 'principal',
        principal: { kind: 'api_client', id: apiClient.clientId, platformOperator: false },
      });
      if (result.kind === 'principal') expect([...result.principal.tenantIds]).toEqual([acmeId]);

      const wrong = await tokenResponse(apiClient.clientId, `${clientSecret}x`);
      expect(wrong.status).toBe(401);
    });

    it('stores only the hash of the secret, and may use no other grant', async () => {
      const { apiClient, clientSecret } = await createApiClient({
        deps: unit.deps,
        principal: operator(),
        name: 'hashed',
        roles: [{ role: 'platform_operator' }],
      });
      const row = await unit.deps.db.client.findUniqueOrThrow({
        where: { tenantId_clientId: { tenantId: adminTenantId, clientId: apiClient.clientId } },
      });
      expect(JSON.stringify(row)).not.toContain(clientSecret);
      expect(row.clientSecretEncrypted).toBeNull();
      expect(row.metadata).toMatchObject({
        grant_types: ['client_credentials'],
        response_types: [],
        token_endpoint_auth_method: 'client_secret_basic',
      });
      const events = await unit.deps.db.auditEvent.findMany({
        where: { action: 'api_client.create', objectId: apiClient.id },
      });
      expect(events).toHaveLength(1);
      expect(events[0]?.tenantId).toBeNull();
      expect(JSON.stringify(events[0]?.details)).not.toContain(clientSecret);
    });

    it('deletes the admin-tenant client with its tokens, so they stop working at once', async () => {
      const { apiClient, clientSecret } = await createApiClient({
        deps: unit.deps,
        principal: operator(),
        name: 'short-lived',
        roles: [{ role: 'platform_operator' }],
      });
      const { access_token } = (await (
        await tokenResponse(apiClient.clientId, clientSecret)
      ).json()) as { access_token: string };
      expect((await authenticate()(bearer(access_token))).kind).toBe('principal');

      const deleted = await deleteApiClient({
        deps: unit.deps,
        principal: operator(),
        clientId: apiClient.clientId,
      });
      expect(deleted.clientId).toBe(apiClient.clientId);
      expect((await authenticate()(bearer(access_token))).kind).toBe('invalid');
      expect((await tokenResponse(apiClient.clientId, clientSecret)).status).toBe(401);
      expect(
        await unit.deps.db.accessToken.count({ where: { clientId: apiClient.clientId } }),
      ).toBe(0);
      const again = await appErrorOf(
        deleteApiClient({ deps: unit.deps, principal: operator(), clientId: apiClient.clientId }),
      );
      expect(again.code).toBe('NOT_FOUND');
    });

    it('reports invalid roles by field path', async () => {
      const cases: [unknown, string[]][] = [
        [[], ['roles']],
        [[{ role: 'tenant_admin' }], ['roles.0.tenantId']],
        [[{ role: 'root' }], ['roles.0.role']],
        [
          [{ role: 'platform_operator' }, { role: 'tenant_admin', tenantId: 'nope' }],
          ['roles.1.tenantId'],
        ],
      ];
      for (const [roles, paths] of cases) {
        const error = await appErrorOf(
          createApiClient({ deps: unit.deps, principal: operator(), name: 'bad', roles }),
        );
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.fieldErrors.map((e) => e.path)).toEqual(paths);
      }
    });

    it('is for platform operators only', async () => {
      const admin = tenantAdmin(acmeId);
      for (const call of [
        () =>
          createApiClient({
            deps: unit.deps,
            principal: admin,
            name: 'mine',
            roles: [{ role: 'tenant_admin', tenantId: acmeId }],
          }),
        () => listApiClients({ deps: unit.deps, principal: admin }),
        () => deleteApiClient({ deps: unit.deps, principal: admin, clientId: 'anything' }),
      ]) {
        expect((await appErrorOf(call())).code).toBe('FORBIDDEN');
      }
    });

    it('lists API clients by client id with their roles', async () => {
      const page = await listApiClients({ deps: unit.deps, principal: operator() });
      expect(page.nodes.map((c) => c.name).sort()).toEqual(['deploy bot', 'hashed']);
      expect(page.totalCount).toBe(2);
    });
  });
}
