import { hashToken, Provider } from '@tessera/core';
import { createTenantStores, parseTenantSettings, toProviderSettings } from '@tessera/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../src/server/clients/create-client';
import { deleteClient } from '../../../src/server/clients/delete-client';
import { getClient } from '../../../src/server/clients/get-client';
import { listClients } from '../../../src/server/clients/list-clients';
import { rotateClientSecret } from '../../../src/server/clients/rotate-client-secret';
import { updateClient } from '../../../src/server/clients/update-client';
import type { Principal } from '../../../src/server/principal';
import { createTenant } from '../../../src/server/tenants/create-tenant';
import type { TenantView } from '../../../src/server/tenants/tenant-view';
import {
  appErrorOf,
  createUnitDeps,
  operator,
  TEST_OP_PUBLIC_URL,
  tenantAdmin,
  UNIT_DATABASES,
  type UnitDeps,
} from '../../support/unit-deps';

const WEB_CLIENT = {
  client_name: 'Shop',
  redirect_uris: ['https://shop.example.com/callback'],
};
const MACHINE_CLIENT = {
  client_name: 'Nightly job',
  grant_types: ['client_credentials'],
  response_types: [],
};

function tickingClock(): () => Date {
  let at = Date.now();
  return () => {
    at += 1000;
    return new Date(at);
  };
}

for (const database of UNIT_DATABASES) {
  describe.skipIf(database.skip)(`clients (${database.name})`, () => {
    let unit: UnitDeps;
    let slugs = 0;

    beforeAll(async () => {
      unit = await createUnitDeps({ database: database.database });
    });
    afterAll(() => unit?.close());

    const newTenant = () =>
      createTenant({
        deps: unit.deps,
        principal: operator(),
        slug: `clients-${++slugs}`,
        name: `Clients ${slugs}`,
      });
    const scopeOf = (tenant: TenantView, principal: Principal = tenantAdmin(tenant.id)) => ({
      deps: unit.deps,
      principal,
      tenantId: tenant.id,
    });
    const clientRow = (tenantId: string, clientId: string) =>
      unit.deps.db.client.findUniqueOrThrow({
        where: { tenantId_clientId: { tenantId, clientId } },
      });

    /** The tenant's provider over the database, as apps/op builds one. */
    async function providerOf(tenant: TenantView): Promise<Provider> {
      const row = await unit.deps.db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
      const settings = parseTenantSettings(row.settings);
      return Provider.create({
        issuer: `${TEST_OP_PUBLIC_URL}/${tenant.slug}`,
        stores: createTenantStores(unit.deps.db, tenant.id, { secretBox: unit.deps.secretBox }),
        subjectSalt: settings.subjectSalt,
        settings: toProviderSettings(settings),
      });
    }

    async function clientCredentials(
      provider: Provider,
      tenant: TenantView,
      clientId: string,
      secret: string,
    ): Promise<{ status: number; body: Record<string, unknown> }> {
      const basic = Buffer.from(`${clientId}:${secret}`).toString('base64');
      const response = await provider.handle(
        new Request(`${TEST_OP_PUBLIC_URL}/${tenant.slug}/token`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${basic}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({ grant_type: 'client_credentials' }),
        }),
      );
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    }

    it('creates a client with the registration defaults and shows its secret once, stored hashed', async () => {
      const tenant = await newTenant();
      const { client, clientSecret } = await createClient({
        ...scopeOf(tenant),
        metadata: WEB_CLIENT,
      });
      expect(clientSecret).toMatch(/^[\w-]{43}$/);
      expect(client).toMatchObject({
        tenantId: tenant.id,
        hasSecret: true,
        metadata: {
          client_name: 'Shop',
          redirect_uris: WEB_CLIENT.redirect_uris,
          response_types: ['code'],
          grant_types: ['authorization_code'],
          application_type: 'web',
          token_endpoint_auth_method: 'client_secret_basic',
          id_token_signed_response_alg: 'RS256',
        },
      });
      const row = await clientRow(tenant.id, client.clientId);
      expect(row.clientSecretHash).toBe(hashToken(clientSecret ?? ''));
      expect(row.clientSecretEncrypted).toBeNull();
      expect(row.registrationAccessTokenHash).toBeNull();
      const read = await getClient({ ...scopeOf(tenant), clientId: client.clientId });
      expect(read).toEqual(client);
      expect(JSON.stringify(read)).not.toContain(clientSecret);
    });

    it('gives a client created through the API a token from a real provider with its secret', async () => {
      const tenant = await newTenant();
      const { client, clientSecret } = await createClient({
        ...scopeOf(tenant),
        metadata: MACHINE_CLIENT,
      });
      const provider = await providerOf(tenant);
      const token = await clientCredentials(provider, tenant, client.clientId, clientSecret ?? '');
      expect(token.status).toBe(200);
      expect(token.body).toMatchObject({ token_type: 'Bearer' });
      const wrong = await clientCredentials(provider, tenant, client.clientId, 'not-the-secret');
      expect(wrong.status).toBe(401);
    });

    it('rotates a secret: the new one works at once and the old one no longer does', async () => {
      const tenant = await newTenant();
      const created = await createClient({ ...scopeOf(tenant), metadata: MACHINE_CLIENT });
      const rotated = await rotateClientSecret({
        ...scopeOf(tenant),
        clientId: created.client.clientId,
      });
      expect(rotated.clientSecret).not.toBe(created.clientSecret);
      expect(rotated.client.metadata).toEqual(created.client.metadata);
      const provider = await providerOf(tenant);
      const id = created.client.clientId;
      expect((await clientCredentials(provider, tenant, id, rotated.clientSecret)).status).toBe(
        200,
      );
      const old = await clientCredentials(provider, tenant, id, created.clientSecret ?? '');
      expect(old).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    });

    it('keeps the clear secret of a client_secret_jwt client encrypted, as the store does', async () => {
      const tenant = await newTenant();
      const { client, clientSecret } = await createClient({
        ...scopeOf(tenant),
        metadata: { ...MACHINE_CLIENT, token_endpoint_auth_method: 'client_secret_jwt' },
      });
      const row = await clientRow(tenant.id, client.clientId);
      expect(row.clientSecretEncrypted).not.toBeNull();
      expect(row.clientSecretEncrypted).not.toContain(clientSecret);
      const stores = createTenantStores(unit.deps.db, tenant.id, {
        secretBox: unit.deps.secretBox,
      });
      expect((await stores.clients.get(client.clientId))?.clientSecret).toBe(clientSecret);
    });

    it('issues no secret to a public client and refuses to rotate one', async () => {
      const tenant = await newTenant();
      const created = await createClient({
        ...scopeOf(tenant),
        metadata: {
          ...WEB_CLIENT,
          application_type: 'native',
          redirect_uris: ['com.example.app:/callback'],
          token_endpoint_auth_method: 'none',
        },
      });
      expect(created.clientSecret).toBeUndefined();
      expect(created.client.hasSecret).toBe(false);
      const error = await appErrorOf(
        rotateClientSecret({ ...scopeOf(tenant), clientId: created.client.clientId }),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors.map((e) => e.path)).toEqual(['clientId']);
    });

    it('accepts a chosen client id once and answers CONFLICT for a taken one', async () => {
      const tenant = await newTenant();
      const created = await createClient({
        ...scopeOf(tenant),
        clientId: 'shop-web',
        metadata: WEB_CLIENT,
      });
      expect(created.client.clientId).toBe('shop-web');
      const taken = await appErrorOf(
        createClient({ ...scopeOf(tenant), clientId: 'shop-web', metadata: WEB_CLIENT }),
      );
      expect(taken.code).toBe('CONFLICT');
      const bad = await appErrorOf(
        createClient({ ...scopeOf(tenant), clientId: 'has space', metadata: WEB_CLIENT }),
      );
      expect(bad.fieldErrors.map((e) => e.path)).toEqual(['clientId']);
      // The failed attempts left no audit events behind.
      const events = await unit.deps.db.auditEvent.findMany({
        where: { tenantId: tenant.id, action: 'client.create' },
      });
      expect(events).toHaveLength(1);
    });

    it.each([
      [
        'an http redirect URI for a web client',
        { redirect_uris: ['http://shop.example.com/cb'] },
        'metadata.redirect_uris',
      ],
      [
        'a redirect URI with a fragment',
        { redirect_uris: ['https://a.example/#x'] },
        'metadata.redirect_uris',
      ],
      ['no redirect URI for the code flow', {}, 'metadata.redirect_uris'],
      [
        'an unknown grant type',
        { ...WEB_CLIENT, grant_types: ['authorization_code', 'password'] },
        'metadata.grant_types',
      ],
      [
        'an unknown auth method',
        { ...WEB_CLIENT, token_endpoint_auth_method: 'magic' },
        'metadata.token_endpoint_auth_method',
      ],
      ['a relative logo URI', { ...WEB_CLIENT, logo_uri: '/logo.png' }, 'metadata.logo_uri'],
      [
        'a private key in jwks',
        { ...WEB_CLIENT, jwks: { keys: [{ kty: 'oct', k: 'secret' }] } },
        'metadata.jwks',
      ],
      ['metadata that is not an object', ['https://a.example/cb'], 'metadata'],
    ])('refuses %s with VALIDATION_FAILED at the field', async (_case, metadata, path) => {
      const tenant = await newTenant();
      const error = await appErrorOf(createClient({ ...scopeOf(tenant), metadata }));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors.map((e) => e.path)).toEqual([path]);
      expect(await unit.deps.db.client.count({ where: { tenantId: tenant.id } })).toBe(0);
    });

    it('validates updates as registration does and replaces all metadata', async () => {
      const tenant = await newTenant();
      const { client } = await createClient({
        ...scopeOf(tenant),
        metadata: { ...WEB_CLIENT, logo_uri: 'https://shop.example.com/logo.png' },
      });
      const bad = await appErrorOf(
        updateClient({
          ...scopeOf(tenant),
          clientId: client.clientId,
          metadata: { redirect_uris: ['javascript:alert(1)'] },
        }),
      );
      expect(bad.fieldErrors.map((e) => e.path)).toEqual(['metadata.redirect_uris']);
      const updated = await updateClient({
        ...scopeOf(tenant),
        clientId: client.clientId,
        metadata: { client_name: 'Shop 2', redirect_uris: ['https://shop.example.com/cb2'] },
      });
      expect(updated.clientSecret).toBeUndefined();
      expect(updated.client.metadata).toMatchObject({
        client_name: 'Shop 2',
        redirect_uris: ['https://shop.example.com/cb2'],
      });
      expect(updated.client.metadata).not.toHaveProperty('logo_uri');
      // The secret survived the update.
      const row = await clientRow(tenant.id, client.clientId);
      expect(row.clientSecretHash).not.toBeNull();
    });

    it('issues a secret, once, when an update moves a public client to a secret method', async () => {
      const tenant = await newTenant();
      const { client } = await createClient({
        ...scopeOf(tenant),
        metadata: { ...MACHINE_CLIENT, token_endpoint_auth_method: 'none' },
      });
      const updated = await updateClient({
        ...scopeOf(tenant),
        clientId: client.clientId,
        metadata: MACHINE_CLIENT,
      });
      expect(updated.clientSecret).toMatch(/^[\w-]{43}$/);
      const provider = await providerOf(tenant);
      const token = await clientCredentials(
        provider,
        tenant,
        client.clientId,
        updated.clientSecret ?? '',
      );
      expect(token.status).toBe(200);
    });

    it('answers NOT_FOUND for a client the tenant does not have', async () => {
      const tenant = await newTenant();
      const scope = { ...scopeOf(tenant), clientId: 'nobody' };
      expect((await appErrorOf(getClient(scope))).code).toBe('NOT_FOUND');
      expect((await appErrorOf(updateClient({ ...scope, metadata: WEB_CLIENT }))).code).toBe(
        'NOT_FOUND',
      );
      expect((await appErrorOf(deleteClient(scope))).code).toBe('NOT_FOUND');
      expect((await appErrorOf(rotateClientSecret(scope))).code).toBe('NOT_FOUND');
    });

    it('lists clients by id a page at a time and searches id and name in any case', async () => {
      const tenant = await newTenant();
      for (const [clientId, name] of [
        ['c-alpha', 'Alpha Shop'],
        ['c-beta', 'Beta'],
        ['c-gamma', 'Gamma SHOP'],
        ['shop-delta', 'Delta'],
        ['c-percent', '100% off'],
      ]) {
        await createClient({
          ...scopeOf(tenant),
          clientId,
          metadata: { ...WEB_CLIENT, client_name: name },
        });
      }
      const first = await listClients({ ...scopeOf(tenant), first: 2 });
      expect(first.nodes.map((c) => c.clientId)).toEqual(['c-alpha', 'c-beta']);
      expect(first).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
      const rest = await listClients({
        ...scopeOf(tenant),
        first: 10,
        after: first.pageInfo.endCursor,
      });
      expect(rest.nodes.map((c) => c.clientId)).toEqual(['c-gamma', 'c-percent', 'shop-delta']);
      expect(rest.pageInfo.hasNextPage).toBe(false);

      const shops = await listClients({ ...scopeOf(tenant), search: 'sHoP', first: 2 });
      expect(shops.nodes.map((c) => c.clientId)).toEqual(['c-alpha', 'c-gamma']);
      expect(shops).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      const more = await listClients({
        ...scopeOf(tenant),
        search: 'shop',
        after: shops.pageInfo.endCursor,
      });
      expect(more.nodes.map((c) => c.clientId)).toEqual(['shop-delta']);
      const literal = await listClients({ ...scopeOf(tenant), search: '0%' });
      expect(literal.nodes.map((c) => c.clientId)).toEqual(['c-percent']);
      const underscore = await listClients({ ...scopeOf(tenant), search: 'c_' });
      expect(underscore.totalCount).toBe(0);
    });

    it('deletes a client with the tokens issued to it', async () => {
      const tenant = await newTenant();
      const { client, clientSecret } = await createClient({
        ...scopeOf(tenant),
        metadata: MACHINE_CLIENT,
      });
      const provider = await providerOf(tenant);
      const token = await clientCredentials(provider, tenant, client.clientId, clientSecret ?? '');
      const hash = hashToken(String(token.body.access_token));
      const tokenWhere = { tenantId: tenant.id, hash };
      expect(await unit.deps.db.accessToken.count({ where: tokenWhere })).toBe(1);

      const removed = await deleteClient({ ...scopeOf(tenant), clientId: client.clientId });
      expect(removed.clientId).toBe(client.clientId);
      expect(await unit.deps.db.accessToken.count({ where: tokenWhere })).toBe(0);
      const gone = await appErrorOf(getClient({ ...scopeOf(tenant), clientId: client.clientId }));
      expect(gone.code).toBe('NOT_FOUND');
    });

    it('forbids a tenant admin every operation on another tenant, existing or not', async () => {
      const tenantA = await newTenant();
      const tenantB = await newTenant();
      const { client } = await createClient({ ...scopeOf(tenantB), metadata: WEB_CLIENT });
      const adminOfA = tenantAdmin(tenantA.id);
      for (const tenantId of [tenantB.id, 'no-such-tenant']) {
        const scope = { deps: unit.deps, principal: adminOfA, tenantId };
        const clientId = client.clientId;
        const calls = [
          listClients(scope),
          getClient({ ...scope, clientId }),
          createClient({ ...scope, metadata: WEB_CLIENT }),
          updateClient({ ...scope, clientId, metadata: WEB_CLIENT }),
          rotateClientSecret({ ...scope, clientId }),
          deleteClient({ ...scope, clientId }),
        ];
        for (const call of calls) expect((await appErrorOf(call)).code).toBe('FORBIDDEN');
      }
      // Nothing changed at tenant B.
      expect(await getClient({ ...scopeOf(tenantB), clientId: client.clientId })).toEqual(client);
    });

    it('audits every change without secrets and leaves the config version alone', async () => {
      const tenant = await newTenant();
      const before = await unit.deps.db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
      const admin = tenantAdmin(tenant.id);
      // A clock a second further on each call: the events' order is then their `at` order.
      const scope = { ...scopeOf(tenant, admin), deps: { ...unit.deps, now: tickingClock() } };
      const created = await createClient({ ...scope, metadata: MACHINE_CLIENT });
      const clientId = created.client.clientId;
      await updateClient({ ...scope, clientId, metadata: { ...MACHINE_CLIENT, client_name: 'X' } });
      const rotated = await rotateClientSecret({ ...scope, clientId });
      await deleteClient({ ...scope, clientId });

      const events = await unit.deps.db.auditEvent.findMany({
        where: { tenantId: tenant.id, objectType: 'client' },
        orderBy: { at: 'asc' },
      });
      expect(events.map((e) => e.action)).toEqual([
        'client.create',
        'client.update',
        'client.secret.rotate',
        'client.delete',
      ]);
      for (const event of events) {
        expect(event).toMatchObject({
          actorType: 'operator',
          actorId: admin.id,
          objectId: clientId,
        });
        const text = JSON.stringify(event.details);
        expect(text).not.toContain(created.clientSecret);
        expect(text).not.toContain(rotated.clientSecret);
        expect(text).not.toContain(hashToken(rotated.clientSecret));
      }
      expect(events[0]?.details).toMatchObject({ clientName: 'Nightly job' });
      const after = await unit.deps.db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
      expect(after.configVersion).toBe(before.configVersion);
    });
  });
}
