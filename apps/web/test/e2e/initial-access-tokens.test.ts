/**
 * RFC 7591 3 through the whole platform: a tenant admin turns on the `initial_access_token`
 * registration policy and issues a token through the admin API; apps/op then registers clients
 * presenting it, and refuses callers without one or with a revoked one. The policy reaches apps/op
 * with the tenant directory's refresh (1 s); tokens are looked up on every request.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TenantFixture } from '../../../op/test/support/fixtures';
import { dataOf, graphql } from '../support/graphql-client';
import { databases, usePlatform } from '../support/platform';
import { accessTokenFor, createApiClient } from '../support/principals';

const PROPAGATION_DEADLINE_MS = 3_000;
const POLL_INTERVAL_MS = 50;

describe.each(databases())('Initial access tokens for dynamic registration on $name', (kind) => {
  const platform = usePlatform(kind);
  let tenant: TenantFixture;
  let adminToken: string;

  beforeAll(async () => {
    tenant = await createTenant(platform.db);
    const admin = await createApiClient(platform, [{ role: 'tenant_admin', tenantId: tenant.id }]);
    adminToken = await accessTokenFor(platform, admin);
  });

  // biome-ignore lint/suspicious/noExplicitAny: answers are read by the fields each document selects
  const asAdmin = async (query: string, variables: Record<string, unknown>): Promise<any> =>
    dataOf(await graphql(platform.web, query, variables, { token: adminToken }));

  const register = (token?: string) =>
    fetch(`${platform.op.issuer(tenant.slug)}/register`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ redirect_uris: ['https://rp.example.test/cb'] }),
    });

  it('registers with an issued token, and refuses callers without one or after revocation', async () => {
    await asAdmin(
      `mutation($tenantId: ID!) {
        updateTenantSettings(tenantId: $tenantId, settings: { protocol: { registration: initial_access_token } }) { id }
      }`,
      { tenantId: tenant.id },
    );
    const { createInitialAccessToken } = await asAdmin(
      `mutation($tenantId: ID!) {
        createInitialAccessToken(tenantId: $tenantId, description: "e2e", expiresInSeconds: 600) {
          token initialAccessToken { id }
        }
      }`,
      { tenantId: tenant.id },
    );
    const token = createInitialAccessToken.token as string;
    const id = createInitialAccessToken.initialAccessToken.id as string;

    // Until apps/op picks up the policy, registration is still open.
    const started = Date.now();
    let anonymous = await register();
    while (anonymous.status === 201 && Date.now() - started < PROPAGATION_DEADLINE_MS) {
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
      anonymous = await register();
    }
    expect(anonymous.status).toBe(401);

    const registered = await register(token);
    expect(registered.status).toBe(201);
    expect(await registered.json()).toHaveProperty('client_id');

    const { initialAccessTokens } = await asAdmin(
      'query($tenantId: ID!) { initialAccessTokens(tenantId: $tenantId) { id description } }',
      { tenantId: tenant.id },
    );
    expect(initialAccessTokens).toEqual([{ id, description: 'e2e' }]);

    await asAdmin(
      'mutation($tenantId: ID!, $id: ID!) { revokeInitialAccessToken(tenantId: $tenantId, id: $id) { id } }',
      { tenantId: tenant.id, id },
    );
    const revoked = await register(token);
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ error: 'invalid_token' });
  });
});
