import { randomBytes, randomUUID } from 'node:crypto';
import { type Provider, silentLogger } from '@tessera/core';
import { createSecretBox, newTenantSettings, type TenantSettings } from '@tessera/db';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerBuilder } from '../../src/tenants/build-provider';
import type { TenantEntry } from '../../src/tenants/tenant-directory';
import { withDefinitions } from '../../src/tenants/tenant-protocol';
import { type TestDatabase, testDatabases } from '../support/test-databases';

const REDIRECT_URI = 'https://rp.example.com/cb';

describe('tenant definitions in the engine settings', () => {
  it('adds defined scopes to extraScopes, overriding the document, and claims to claimsSupported', () => {
    const merged = withDefinitions(
      { extraScopes: { org: ['old'], legacy: ['x'] }, claimsSupported: ['x'] },
      {
        claims: [{ name: 'department' }, { name: 'x' }],
        scopes: [
          { name: 'org', claims: ['department', 7] },
          { name: 'openid', claims: ['department'] },
        ],
      },
    );
    expect(merged.extraScopes).toEqual({ org: ['department'], legacy: ['x'] });
    expect(merged.claimsSupported).toEqual(['x', 'department']);
  });

  it('leaves settings without definitions as they are', () => {
    const base = { lifetimes: { accessToken: 60 } };
    expect(withDefinitions(base, { claims: [], scopes: [] })).toBe(base);
  });
});

for (const database of testDatabases) {
  describe.skipIf(database.skip)(`a provider built for a tenant (${database.name})`, () => {
    let test: TestDatabase;
    let tenant: TenantEntry;
    let userId: string;
    const secretBox = createSecretBox(randomBytes(32));

    beforeAll(async () => {
      test = await database.open();
      const settings: TenantSettings = newTenantSettings();
      const id = randomUUID();
      await test.db.tenant.create({ data: { id, slug: 'acme', name: 'Acme', settings } });
      userId = randomUUID();
      await test.db.user.create({
        data: {
          tenantId: id,
          id: userId,
          loginName: 'ada',
          claims: { name: 'Ada Lovelace', department: 'Analytical Engines' },
        },
      });
      tenant = {
        id,
        slug: 'acme',
        name: 'Acme',
        status: 'active',
        configVersion: 1,
        settings,
        domains: [],
      };
    });
    afterAll(() => test?.close());

    const build = () =>
      providerBuilder({ db: test.db, secretBox, logger: () => silentLogger })(
        tenant,
        'https://op.test/acme',
      );

    async function registerClient(provider: Provider): Promise<string> {
      const client = await provider.handleClientRegistrationRequest({
        redirect_uris: [REDIRECT_URI],
        response_types: ['id_token', 'id_token token'],
        grant_types: ['implicit'],
        token_endpoint_auth_method: 'none',
      });
      return client.client_id as string;
    }

    async function authorize(provider: Provider, clientId: string, responseType: string) {
      const request = await provider.parseAuthenticationRequest({
        response_type: responseType,
        client_id: clientId,
        redirect_uri: REDIRECT_URI,
        scope: 'openid org',
        nonce: 'n-0S6_WzA2Mj',
        state: 'af0ifjsldkj',
      });
      return { request, response: await provider.authorize(request, userId) };
    }

    it('ignores a scope the tenant has not defined', async () => {
      const provider = await build();
      const clientId = await registerClient(provider);
      const { request } = await authorize(provider, clientId, 'id_token');
      expect(request.scope).toEqual(['openid']);
    });

    it('returns the claims of a custom scope from userinfo and in the ID token', async () => {
      await test.db.claimDefinition.create({
        data: { tenantId: tenant.id, name: 'department', type: 'string' },
      });
      await test.db.scopeDefinition.create({
        data: { tenantId: tenant.id, name: 'org', claims: ['department'] },
      });
      const provider = await build();
      const clientId = await registerClient(provider);

      const discovery = (await (
        await provider.handle(new Request('https://op.test/acme/.well-known/openid-configuration'))
      ).json()) as { scopes_supported: string[]; claims_supported: string[] };
      expect(discovery.scopes_supported).toContain('org');
      expect(discovery.claims_supported).toContain('department');

      const implicit = await authorize(provider, clientId, 'id_token token');
      expect(implicit.request.scope).toEqual(['openid', 'org']);
      const userinfo = await provider.handle(
        new Request('https://op.test/acme/userinfo', {
          headers: { authorization: `Bearer ${implicit.response.params.access_token}` },
        }),
      );
      expect(userinfo.status).toBe(200);
      const body = (await userinfo.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ department: 'Analytical Engines' });
      // `profile` was not asked for: a custom scope releases its own claims only.
      expect(body).not.toHaveProperty('name');

      // OIDC Core 5.4: with no access token issued, scope claims go into the ID token.
      const idTokenOnly = await authorize(provider, clientId, 'id_token');
      expect(decodeJwt(idTokenOnly.response.params.id_token as string)).toMatchObject({
        department: 'Analytical Engines',
      });
    });
  });
}
