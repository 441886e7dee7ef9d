/**
 * Clients and users of a tenant over HTTP, each change checked where it matters: at apps/op's
 * token endpoint and login page.
 */
import * as oidc from 'openid-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TenantFixture } from '../../../op/test/support/fixtures';
import {
  CALLBACK,
  INSECURE,
  loginWithCode,
  newBrowser,
} from '../../../op/test/support/relying-party';
import { dataOf, graphql, outcomeOf } from '../support/graphql-client';
import { unique, webClientMetadata } from '../support/operations';
import { databases, usePlatform } from '../support/platform';
import { accessTokenFor, createApiClient } from '../support/principals';

const DEADLINE_MS = 3_000;

describe.each(databases())('Clients and users over the admin API on $name', (kind) => {
  const platform = usePlatform(kind);
  let tenant: TenantFixture;
  let other: TenantFixture;
  let admin: string;
  let operator: string;

  const call = (query: string, variables: Record<string, unknown> = {}, token = admin) =>
    graphql(platform.web, query, variables, { token });
  // biome-ignore lint/suspicious/noExplicitAny: answers are read by the fields each document selects
  const run = async (query: string, variables: Record<string, unknown> = {}): Promise<any> =>
    dataOf(await call(query, variables));

  beforeAll(async () => {
    tenant = await createTenant(platform.db);
    other = await createTenant(platform.db);
    admin = await accessTokenFor(
      platform,
      await createApiClient(platform, [{ role: 'tenant_admin', tenantId: tenant.id }]),
    );
    operator = await accessTokenFor(
      platform,
      await createApiClient(platform, [{ role: 'platform_operator' }]),
    );
  });

  /** The token endpoint's answer to client credentials: 200, or the OAuth error. */
  async function clientCredentials(clientId: string, secret: string): Promise<string> {
    const response = await fetch(`${platform.op.issuer(tenant.slug)}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    if (response.status === 200) return 'ok';
    return ((await response.json()) as { error: string }).error;
  }

  async function eventually(probe: () => Promise<string>, expected: string): Promise<string> {
    const started = Date.now();
    let value = await probe();
    while (value !== expected && Date.now() - started < DEADLINE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      value = await probe();
    }
    return value;
  }

  describe('clients', () => {
    const serviceMetadata = {
      client_name: 'Billing service',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
    };

    it('creates a client whose one-time secret works at apps/op; rotation replaces the secret', async () => {
      const { createClient } = await run(
        `mutation($tenantId: ID!, $metadata: JSON!) {
          createClient(tenantId: $tenantId, metadata: $metadata, clientId: "billing") {
            client { clientId clientName grantTypes hasSecret tenantId } clientSecret
          }
        }`,
        { tenantId: tenant.id, metadata: serviceMetadata },
      );
      expect(createClient.client).toEqual({
        clientId: 'billing',
        clientName: 'Billing service',
        grantTypes: ['client_credentials'],
        hasSecret: true,
        tenantId: tenant.id,
      });
      const first = createClient.clientSecret as string;
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(await clientCredentials('billing', first)).toBe('ok');
      // The secret is never shown again.
      const read = await call(
        'query($tenantId: ID!) { client(tenantId: $tenantId, clientId: "billing") { metadata } }',
        { tenantId: tenant.id },
      );
      expect(JSON.stringify(dataOf(read))).not.toContain(first);

      const { rotateClientSecret } = await run(
        'mutation($tenantId: ID!) { rotateClientSecret(tenantId: $tenantId, clientId: "billing") { clientSecret } }',
        { tenantId: tenant.id },
      );
      const second = rotateClientSecret.clientSecret as string;
      expect(second).not.toBe(first);
      expect(await eventually(() => clientCredentials('billing', first), 'invalid_client')).toBe(
        'invalid_client',
      );
      expect(await clientCredentials('billing', second)).toBe('ok');
    });

    it('refuses invalid metadata with field paths under metadata, and a taken client id', async () => {
      const invalid = await call(
        'mutation($tenantId: ID!, $metadata: JSON!) { createClient(tenantId: $tenantId, metadata: $metadata) { clientSecret } }',
        {
          tenantId: tenant.id,
          metadata: { ...webClientMetadata(), redirect_uris: ['not a url'] },
        },
      );
      expect(outcomeOf(invalid)).toBe('VALIDATION_FAILED');
      const paths = invalid.errors?.[0]?.extensions?.fieldErrors?.map((error) => error.path) ?? [];
      expect(paths.length).toBeGreaterThan(0);
      expect(paths.every((path) => path.startsWith('metadata'))).toBe(true);
      const taken = await call(
        'mutation($tenantId: ID!, $metadata: JSON!) { createClient(tenantId: $tenantId, metadata: $metadata, clientId: "billing") { clientSecret } }',
        { tenantId: tenant.id, metadata: serviceMetadata },
      );
      expect(outcomeOf(taken)).toBe('CONFLICT');
    });

    it('replaces metadata on update, lists and searches clients, and deletes one for good', async () => {
      const { createClient } = await run(
        'mutation($tenantId: ID!, $metadata: JSON!) { createClient(tenantId: $tenantId, metadata: $metadata) { client { clientId } clientSecret } }',
        { tenantId: tenant.id, metadata: { ...serviceMetadata, client_name: 'Reports' } },
      );
      const clientId = createClient.client.clientId as string;
      const { updateClient } = await run(
        `mutation($tenantId: ID!, $clientId: String!, $metadata: JSON!) {
          updateClient(tenantId: $tenantId, clientId: $clientId, metadata: $metadata) { client { clientName } }
        }`,
        {
          tenantId: tenant.id,
          clientId,
          metadata: { ...serviceMetadata, client_name: 'Reporting' },
        },
      );
      expect(updateClient.client.clientName).toBe('Reporting');
      const { clients } = await run(
        'query($tenantId: ID!) { clients(tenantId: $tenantId, search: "report") { nodes { clientId clientName } totalCount } }',
        { tenantId: tenant.id },
      );
      expect(clients.nodes).toEqual([{ clientId, clientName: 'Reporting' }]);

      await run(
        'mutation($tenantId: ID!, $clientId: String!) { deleteClient(tenantId: $tenantId, clientId: $clientId) { clientId } }',
        { tenantId: tenant.id, clientId },
      );
      const gone = await call(
        'query($tenantId: ID!, $clientId: String!) { client(tenantId: $tenantId, clientId: $clientId) { clientId } }',
        { tenantId: tenant.id, clientId },
      );
      expect(outcomeOf(gone)).toBe('NOT_FOUND');
      expect(
        await eventually(
          () => clientCredentials(clientId, createClient.clientSecret),
          'invalid_client',
        ),
      ).toBe('invalid_client');
    });

    it("finds no client of one tenant under another tenant's id", async () => {
      const result = await call(
        'query($tenantId: ID!) { client(tenantId: $tenantId, clientId: "billing") { clientId } }',
        { tenantId: other.id },
        operator,
      );
      expect(outcomeOf(result)).toBe('NOT_FOUND');
    });
  });

  describe('users', () => {
    let rp: oidc.Configuration;

    beforeAll(async () => {
      const { createClient } = await run(
        'mutation($tenantId: ID!, $metadata: JSON!) { createClient(tenantId: $tenantId, metadata: $metadata) { client { clientId } clientSecret } }',
        { tenantId: tenant.id, metadata: { ...webClientMetadata(), redirect_uris: [CALLBACK] } },
      );
      rp = await oidc.discovery(
        new URL(platform.op.issuer(tenant.slug)),
        createClient.client.clientId,
        createClient.clientSecret,
        oidc.ClientSecretBasic(),
        INSECURE,
      );
    });

    const createUser = async (loginName: string, password: string) =>
      (
        await run(
          `mutation($tenantId: ID!, $loginName: String!, $password: String!) {
            createUser(tenantId: $tenantId, loginName: $loginName, password: $password,
              email: "Person@Example.com", claims: { name: "A Person", email: "person@example.com" }) {
              id loginName email hasPassword disabled claims
            }
          }`,
          { tenantId: tenant.id, loginName, password },
        )
      ).createUser;

    const login = (browser: ReturnType<typeof newBrowser>, user: string, password: string) =>
      loginWithCode(rp, browser, { login: { login: user, password }, consent: 'allow' });

    it('creates a user who can sign in at apps/op with the password given', async () => {
      const loginName = `ann-${unique()}`;
      const user = await createUser(loginName, 'ann-correct-horse');
      expect(user).toMatchObject({
        loginName,
        email: 'person@example.com',
        hasPassword: true,
        disabled: false,
        claims: { name: 'A Person', email: 'person@example.com' },
      });
      const { tokens } = await login(newBrowser(), loginName, 'ann-correct-horse');
      expect(tokens.claims()?.sub).toBeTruthy();
      const duplicate = await call(
        'mutation($tenantId: ID!, $loginName: String!) { createUser(tenantId: $tenantId, loginName: $loginName) { id } }',
        { tenantId: tenant.id, loginName },
      );
      expect(outcomeOf(duplicate)).toBe('CONFLICT');
      const weak = await call(
        'mutation($tenantId: ID!) { createUser(tenantId: $tenantId, loginName: "weak", password: "short") { id } }',
        { tenantId: tenant.id },
      );
      expect(outcomeOf(weak)).toBe('VALIDATION_FAILED');
      expect(weak.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toBe('password');
    });

    it("lists a signed-in user's sessions and ends them one by one or all at once", async () => {
      const loginName = `ben-${unique()}`;
      const user = await createUser(loginName, 'ben-correct-horse');
      await login(newBrowser(), loginName, 'ben-correct-horse');
      await login(newBrowser(), loginName, 'ben-correct-horse');
      const sessions = async () =>
        (
          await run(
            'query($tenantId: ID!, $userId: ID!) { userSessions(tenantId: $tenantId, userId: $userId) { id userId clientIds } }',
            { tenantId: tenant.id, userId: user.id },
          )
        ).userSessions as { id: string; userId: string; clientIds: string[] }[];
      const live = await sessions();
      expect(live).toHaveLength(2);
      expect(live[0]?.clientIds).toEqual([rp.clientMetadata().client_id]);
      const { revokeUserSession } = await run(
        'mutation($tenantId: ID!, $userId: ID!, $sessionId: ID!) { revokeUserSession(tenantId: $tenantId, userId: $userId, sessionId: $sessionId) { id } }',
        { tenantId: tenant.id, userId: user.id, sessionId: live[0]?.id },
      );
      expect(revokeUserSession.id).toBe(live[0]?.id);
      expect((await sessions()).map((s) => s.id)).toEqual([live[1]?.id]);
      const { revokeUserSessions } = await run(
        'mutation($tenantId: ID!, $userId: ID!) { revokeUserSessions(tenantId: $tenantId, userId: $userId) }',
        { tenantId: tenant.id, userId: user.id },
      );
      expect(revokeUserSessions).toBe(1);
      expect(await sessions()).toEqual([]);
    });

    it('changes the password: the old one stops working at apps/op', async () => {
      const loginName = `cat-${unique()}`;
      const user = await createUser(loginName, 'cat-correct-horse');
      await run(
        'mutation($tenantId: ID!, $userId: ID!) { setUserPassword(tenantId: $tenantId, userId: $userId, password: "cat-new-battery") { id } }',
        { tenantId: tenant.id, userId: user.id },
      );
      await expect(login(newBrowser(), loginName, 'cat-correct-horse')).rejects.toThrow(
        /expected the callback/,
      );
      await login(newBrowser(), loginName, 'cat-new-battery');
    });

    it('disables a user: their sessions end and sign-in is refused until enabled again', async () => {
      const loginName = `dan-${unique()}`;
      const user = await createUser(loginName, 'dan-correct-horse');
      const browser = newBrowser();
      await login(browser, loginName, 'dan-correct-horse');
      const { setUserDisabled } = await run(
        'mutation($tenantId: ID!, $userId: ID!) { setUserDisabled(tenantId: $tenantId, userId: $userId, disabled: true) { disabled } }',
        { tenantId: tenant.id, userId: user.id },
      );
      expect(setUserDisabled.disabled).toBe(true);
      await expect(login(browser, loginName, 'dan-correct-horse')).rejects.toThrow(
        /expected the callback/,
      );
      await run(
        'mutation($tenantId: ID!, $userId: ID!) { setUserDisabled(tenantId: $tenantId, userId: $userId, disabled: false) { disabled } }',
        { tenantId: tenant.id, userId: user.id },
      );
      await login(newBrowser(), loginName, 'dan-correct-horse');
    });

    it('updates, searches, and deletes users; a deleted user cannot sign in', async () => {
      const loginName = `eve-${unique()}`;
      const user = await createUser(loginName, 'eve-correct-horse');
      const { updateUser } = await run(
        'mutation($tenantId: ID!, $userId: ID!) { updateUser(tenantId: $tenantId, userId: $userId, claims: { name: "Eve Example" }, email: null) { email claims } }',
        { tenantId: tenant.id, userId: user.id },
      );
      expect(updateUser).toEqual({ email: null, claims: { name: 'Eve Example' } });
      const { users } = await run(
        'query($tenantId: ID!) { users(tenantId: $tenantId, search: "EVE EXAMPLE") { nodes { id } totalCount } }',
        { tenantId: tenant.id },
      );
      expect(users.nodes).toEqual([{ id: user.id }]);
      const elsewhere = await call(
        'query($tenantId: ID!, $userId: ID!) { user(tenantId: $tenantId, userId: $userId) { id } }',
        { tenantId: other.id, userId: user.id },
        operator,
      );
      expect(outcomeOf(elsewhere)).toBe('NOT_FOUND');

      await run(
        'mutation($tenantId: ID!, $userId: ID!) { deleteUser(tenantId: $tenantId, userId: $userId) { id } }',
        { tenantId: tenant.id, userId: user.id },
      );
      const gone = await call(
        'query($tenantId: ID!, $userId: ID!) { user(tenantId: $tenantId, userId: $userId) { id } }',
        { tenantId: tenant.id, userId: user.id },
      );
      expect(outcomeOf(gone)).toBe('NOT_FOUND');
      await expect(login(newBrowser(), loginName, 'eve-correct-horse')).rejects.toThrow(
        /expected the callback/,
      );
    });
  });
});
