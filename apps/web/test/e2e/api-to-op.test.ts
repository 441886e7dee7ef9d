/**
 * Changes made through the admin API reach apps/op: a tenant's new access-token lifetime, a
 * rotated signing key, a disabled tenant. apps/op's tenant directory refreshes within 1 s
 * (TENANT_REFRESH_MS); 3 s leaves room for a slow machine.
 */
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type * as client from 'openid-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, createUser, type TenantFixture } from '../../../op/test/support/fixtures';
import {
  asUser,
  loginWithCode,
  newBrowser,
  registerClient,
} from '../../../op/test/support/relying-party';
import { dataOf, graphql } from '../support/graphql-client';
import { databases, usePlatform } from '../support/platform';
import { accessTokenFor, createApiClient } from '../support/principals';

const PROPAGATION_DEADLINE_MS = 3_000;
const POLL_INTERVAL_MS = 50;

/** Calls `probe` until it returns a value `done` accepts, or the deadline passes. */
async function pollUntil<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const started = Date.now();
  let value = await probe();
  while (!done(value) && Date.now() - started < PROPAGATION_DEADLINE_MS) {
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    value = await probe();
  }
  return value;
}

describe.each(databases())('Admin API changes served by apps/op on $name', (kind) => {
  const platform = usePlatform(kind);
  let tenant: TenantFixture;
  let adminToken: string;
  let operatorToken: string;

  beforeAll(async () => {
    tenant = await createTenant(platform.db);
    const admin = await createApiClient(platform, [{ role: 'tenant_admin', tenantId: tenant.id }]);
    const operator = await createApiClient(platform, [{ role: 'platform_operator' }]);
    adminToken = await accessTokenFor(platform, admin);
    operatorToken = await accessTokenFor(platform, operator);
  });

  const asAdmin = async (query: string, variables: Record<string, unknown>) =>
    dataOf(await graphql(platform.web, query, variables, { token: adminToken }));

  it('serves a new access-token lifetime in the next token responses', async () => {
    const created = await asAdmin(
      `mutation($tenantId: ID!, $metadata: JSON!) {
        createClient(tenantId: $tenantId, metadata: $metadata) { client { clientId } clientSecret }
      }`,
      {
        tenantId: tenant.id,
        metadata: {
          client_name: 'Service',
          grant_types: ['client_credentials'],
          response_types: [],
          redirect_uris: [],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      },
    );
    const { clientId } = (created.createClient as { client: { clientId: string } }).client;
    const secret = (created.createClient as { clientSecret: string }).clientSecret;
    const expiresIn = async () => {
      const response = await fetch(`${platform.op.issuer(tenant.slug)}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
      });
      const body = (await response.json()) as { expires_in?: number; error?: string };
      if (response.status !== 200) throw new Error(`token endpoint: ${JSON.stringify(body)}`);
      return body.expires_in;
    };
    expect(await expiresIn()).toBe(3600);

    await asAdmin(
      `mutation($tenantId: ID!) {
        updateTenantSettings(tenantId: $tenantId, settings: { protocol: { lifetimes: { accessToken: 900 } } }) { id }
      }`,
      { tenantId: tenant.id },
    );
    expect(await pollUntil(expiresIn, (value) => value === 900)).toBe(900);
  });

  it('signs with a rotated key, while ID tokens of the previous key still verify at the JWKS', async () => {
    const user = await createUser(platform.db, tenant.id, { login: 'rotation' });
    const config: client.Configuration = await registerClient(platform.op.issuer(tenant.slug));
    const browser = newBrowser();
    const idTokenNow = async () => {
      const { tokens } = await loginWithCode(config, browser, asUser(user));
      return tokens.id_token as string;
    };
    const before = await idTokenNow();
    const oldKid = decodeProtectedHeader(before).kid;

    const rotated = await asAdmin(
      'mutation($tenantId: ID!) { rotateSigningKeys(tenantId: $tenantId, alg: RS256) { kid state } }',
      { tenantId: tenant.id },
    );
    const keys = rotated.rotateSigningKeys as { kid: string; state: string }[];
    const active = keys.find((key) => key.state === 'active')?.kid;
    expect(active).toBeDefined();
    expect(active).not.toBe(oldKid);
    expect(keys.find((key) => key.kid === oldKid)?.state).toBe('retired');

    const jwksUrl = new URL(`${platform.op.issuer(tenant.slug)}/jwks`);
    const publishedKids = async () => {
      const body = (await (await fetch(jwksUrl)).json()) as { keys: { kid: string }[] };
      return body.keys.map((key) => key.kid);
    };
    expect(await pollUntil(publishedKids, (kids) => kids.includes(active as string))).toContain(
      active,
    );
    const after = await pollUntil(
      idTokenNow,
      (token) => decodeProtectedHeader(token).kid === active,
    );
    expect(decodeProtectedHeader(after).kid).toBe(active);

    const jwks = createRemoteJWKSet(jwksUrl);
    const issuer = platform.op.issuer(tenant.slug);
    const audience = config.clientMetadata().client_id;
    for (const token of [before, after]) {
      await expect(jwtVerify(token, jwks, { issuer, audience })).resolves.toBeDefined();
    }
    expect(await publishedKids()).toContain(oldKid);
  });

  it('has apps/op refuse a tenant disabled through the API with 403, and serve it again once enabled', async () => {
    const other = await createTenant(platform.db);
    const discovery = `${platform.op.issuer(other.slug)}/.well-known/openid-configuration`;
    expect((await fetch(discovery)).status).toBe(200);
    const setStatus = async (status: 'active' | 'disabled') =>
      dataOf(
        await graphql(
          platform.web,
          'mutation($tenantId: ID!, $status: TenantStatus!) { setTenantStatus(tenantId: $tenantId, status: $status) { status } }',
          { tenantId: other.id, status },
          { token: operatorToken },
        ),
      );
    await setStatus('disabled');
    const status = () => fetch(discovery).then((response) => response.status);
    expect(await pollUntil(status, (value) => value === 403)).toBe(403);
    const refused = await fetch(discovery);
    expect(await refused.json()).toMatchObject({ error: 'tenant_disabled' });

    await setStatus('active');
    expect(await pollUntil(status, (value) => value === 200)).toBe(200);
  });
});
