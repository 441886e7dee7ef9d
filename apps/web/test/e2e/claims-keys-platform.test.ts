/**
 * Custom claims and scopes, signing keys, API clients and operators over HTTP, each checked
 * where it takes effect: apps/op's userinfo and JWKS, the admin API's own authentication, and
 * the console sign-in.
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
import { consoleCookie, signInToConsole } from '../support/console-session';
import { dataOf, graphql, outcomeOf } from '../support/graphql-client';
import { unique, webClientMetadata } from '../support/operations';
import { databases, usePlatform } from '../support/platform';
import { accessTokenFor, createApiClient } from '../support/principals';

describe.each(databases())('Claims, keys and the platform over the admin API on $name', (kind) => {
  const platform = usePlatform(kind);
  let tenant: TenantFixture;
  let other: TenantFixture;
  let operator: string;

  const call = (query: string, variables: Record<string, unknown> = {}, token = operator) =>
    graphql(platform.web, query, variables, { token });
  // biome-ignore lint/suspicious/noExplicitAny: answers are read by the fields each document selects
  const run = async (query: string, variables: Record<string, unknown> = {}): Promise<any> =>
    dataOf(await call(query, variables));

  beforeAll(async () => {
    tenant = await createTenant(platform.db);
    other = await createTenant(platform.db);
    operator = await accessTokenFor(
      platform,
      await createApiClient(platform, [{ role: 'platform_operator' }]),
    );
  });

  it('releases a custom claim through a custom scope at apps/op', async () => {
    const tenantId = tenant.id;
    await run(
      'mutation($tenantId: ID!) { upsertClaimDefinition(tenantId: $tenantId, name: "department", type: string, description: "Org unit") { name } }',
      { tenantId },
    );
    await run(
      'mutation($tenantId: ID!) { upsertScopeDefinition(tenantId: $tenantId, name: "org", claims: ["department"]) { name } }',
      { tenantId },
    );
    const lists = await run(
      'query($tenantId: ID!) { claimDefinitions(tenantId: $tenantId) { name type description } scopeDefinitions(tenantId: $tenantId) { name claims } }',
      { tenantId },
    );
    expect(lists.claimDefinitions).toEqual([
      { name: 'department', type: 'string', description: 'Org unit' },
    ]);
    expect(lists.scopeDefinitions).toEqual([{ name: 'org', claims: ['department'] }]);

    const { createClient } = await run(
      'mutation($tenantId: ID!, $metadata: JSON!) { createClient(tenantId: $tenantId, metadata: $metadata) { client { clientId } clientSecret } }',
      { tenantId, metadata: { ...webClientMetadata(), redirect_uris: [CALLBACK] } },
    );
    await run(
      'mutation($tenantId: ID!) { createUser(tenantId: $tenantId, loginName: "rd", password: "rd-correct-horse", claims: { department: "R&D" }) { id } }',
      { tenantId },
    );
    const rp = await oidc.discovery(
      new URL(platform.op.issuer(tenant.slug)),
      createClient.client.clientId,
      createClient.clientSecret,
      oidc.ClientSecretBasic(),
      INSECURE,
    );
    const { tokens } = await loginWithCode(
      rp,
      newBrowser(),
      { login: { login: 'rd', password: 'rd-correct-horse' }, consent: 'allow' },
      { scope: 'openid org' },
    );
    const sub = tokens.claims()?.sub as string;
    const userinfo = await oidc.fetchUserInfo(rp, tokens.access_token, sub);
    expect(userinfo).toMatchObject({ sub, department: 'R&D' });

    // A claim a scope still releases stays; once the scope is gone it may go.
    const inUse = await call(
      'mutation($tenantId: ID!) { deleteClaimDefinition(tenantId: $tenantId, name: "department") { name } }',
      { tenantId },
    );
    expect(['CONFLICT', 'VALIDATION_FAILED']).toContain(outcomeOf(inUse));
    await run(
      'mutation($tenantId: ID!) { deleteScopeDefinition(tenantId: $tenantId, name: "org") { name } }',
      { tenantId },
    );
    const removed = await run(
      'mutation($tenantId: ID!) { deleteClaimDefinition(tenantId: $tenantId, name: "department") { name } }',
      { tenantId },
    );
    expect(removed.deleteClaimDefinition.name).toBe('department');
  });

  it('refuses a scope that releases an undefined claim, naming the field', async () => {
    const result = await call(
      'mutation($tenantId: ID!) { upsertScopeDefinition(tenantId: $tenantId, name: "bad", claims: ["no_such_claim"]) { name } }',
      { tenantId: tenant.id },
    );
    expect(outcomeOf(result)).toBe('VALIDATION_FAILED');
    expect(result.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toMatch(/^claims/);
  });

  it('publishes a generated key at the JWKS and keeps the only active RS256 key', async () => {
    const jwks = async () =>
      (
        (await (await fetch(`${platform.op.issuer(other.slug)}/jwks`)).json()) as {
          keys: { kid: string; alg?: string }[];
        }
      ).keys.map((key) => key.kid);
    const before = await jwks();
    const { generateSigningKey } = await run(
      'mutation($tenantId: ID!) { generateSigningKey(tenantId: $tenantId, alg: ES256) { kid alg state publicJwk } }',
      { tenantId: other.id },
    );
    expect(generateSigningKey).toMatchObject({ alg: 'ES256', state: 'active' });
    expect(JSON.stringify(generateSigningKey.publicJwk)).not.toMatch(/"d"/);
    await expect.poll(jwks, { timeout: 3_000, interval: 50 }).toContain(generateSigningKey.kid);

    const { signingKeys } = await run(
      'query($tenantId: ID!) { signingKeys(tenantId: $tenantId) { kid alg state } }',
      { tenantId: other.id },
    );
    const rs256 = (signingKeys as { kid: string; alg: string; state: string }[]).filter(
      (key) => key.alg === 'RS256' && key.state === 'active',
    );
    expect(rs256).toHaveLength(1);
    expect(before).toContain(rs256[0]?.kid);
    const refused = await call(
      'mutation($tenantId: ID!, $kid: String!) { retireSigningKey(tenantId: $tenantId, kid: $kid) { state } }',
      { tenantId: other.id, kid: rs256[0]?.kid },
    );
    expect(outcomeOf(refused)).toBe('VALIDATION_FAILED');
    expect(refused.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toBe('kid');
    const missing = await call(
      'mutation($tenantId: ID!) { retireSigningKey(tenantId: $tenantId, kid: "no-such-kid") { state } }',
      { tenantId: other.id },
    );
    expect(outcomeOf(missing)).toBe('NOT_FOUND');
  });

  it('sets, reads and removes a key rotation schedule', async () => {
    const set = (schedule: unknown) =>
      call(
        'mutation($tenantId: ID!, $schedule: KeyRotationScheduleInput) { setKeyRotationSchedule(tenantId: $tenantId, schedule: $schedule) { intervalDays overlapDays } }',
        { tenantId: other.id, schedule },
      );
    expect(dataOf(await set({ intervalDays: 30, overlapDays: 7 }))).toEqual({
      setKeyRotationSchedule: { intervalDays: 30, overlapDays: 7 },
    });
    const read = await run(
      'query($tenantId: ID!) { keyRotationSchedule(tenantId: $tenantId) { intervalDays overlapDays } }',
      { tenantId: other.id },
    );
    expect(read.keyRotationSchedule).toEqual({ intervalDays: 30, overlapDays: 7 });
    expect(outcomeOf(await set({ intervalDays: 0, overlapDays: 7 }))).toBe('VALIDATION_FAILED');
    expect(dataOf(await set(null))).toEqual({ setKeyRotationSchedule: null });
  });

  it('creates an API client whose token carries its roles, and whose deletion ends them at once', async () => {
    const { createApiClient: created } = await run(
      'mutation($tenantId: ID!) { createApiClient(name: "CI deployer", roles: [{ role: tenant_admin, tenantId: $tenantId }]) { apiClient { clientId name roles { role tenantId tenantSlug } } clientSecret } }',
      { tenantId: tenant.id },
    );
    expect(created.apiClient.roles).toEqual([
      { role: 'tenant_admin', tenantId: tenant.id, tenantSlug: tenant.slug },
    ]);
    const token = await accessTokenFor(platform, {
      clientId: created.apiClient.clientId,
      clientSecret: created.clientSecret,
    });
    const me = await graphql(
      platform.web,
      'query { me { kind name platformOperator tenantSlugs } }',
      {},
      { token },
    );
    expect(dataOf(me)).toEqual({
      me: {
        kind: 'api_client',
        name: 'CI deployer',
        platformOperator: false,
        tenantSlugs: [tenant.slug],
      },
    });
    const { apiClients } = await run('query { apiClients(first: 100) { nodes { clientId } } }');
    expect(apiClients.nodes.map((c: { clientId: string }) => c.clientId)).toContain(
      created.apiClient.clientId,
    );
    await run(
      'mutation($clientId: String!) { deleteApiClient(clientId: $clientId) { clientId } }',
      {
        clientId: created.apiClient.clientId,
      },
    );
    const after = await graphql(platform.web, 'query { me { name } }', {}, { token });
    expect(after.status).toBe(401);
    expect(outcomeOf(after)).toBe('UNAUTHENTICATED');
  });

  it('creates an operator who signs in to the console; memberships change their access at once', async () => {
    const email = `ops-${unique()}@example.com`;
    const { createOperator } = await run(
      'mutation($email: String!, $tenantId: ID!) { createOperator(input: { email: $email, name: "Olga", tenantIds: [$tenantId] }) { operator { id memberships { id role tenantId } } login password } }',
      { email, tenantId: tenant.id },
    );
    expect(createOperator.login).toBe(email);
    expect(createOperator.password).toEqual(expect.any(String));
    const { browser, outcome } = await signInToConsole(platform.web, {
      login: { login: createOperator.login, password: createOperator.password },
      consent: 'allow',
    });
    expect(outcome.kind === 'page' && outcome.url.pathname).toBe('/');
    const cookie = consoleCookie(browser, platform.web);
    const me = async () =>
      dataOf(
        await graphql<{ me: { tenantSlugs: string[] } }>(
          platform.web,
          'query { me { kind name platformOperator tenantSlugs } }',
          {},
          { cookie },
        ),
      ).me;
    expect(await me()).toEqual({
      kind: 'operator',
      name: 'Olga',
      platformOperator: false,
      tenantSlugs: [tenant.slug],
    });

    const { grantTenantAdmin } = await run(
      'mutation($operatorId: ID!, $tenantId: ID!) { grantTenantAdmin(operatorId: $operatorId, tenantId: $tenantId) { memberships { id tenantId } } }',
      { operatorId: createOperator.operator.id, tenantId: other.id },
    );
    expect(grantTenantAdmin.memberships).toHaveLength(2);
    expect((await me()).tenantSlugs).toEqual([tenant.slug, other.slug].sort());

    await run(
      'mutation($membershipId: ID!) { revokeMembership(membershipId: $membershipId) { id } }',
      {
        membershipId: createOperator.operator.memberships[0].id,
      },
    );
    expect((await me()).tenantSlugs).toEqual([other.slug]);
    const refused = await graphql(
      platform.web,
      'query($id: ID!) { tenant(id: $id) { id } }',
      { id: tenant.id },
      { cookie },
    );
    expect(outcomeOf(refused)).toBe('FORBIDDEN');

    const { operators } = await run(
      'query { operators(first: 100) { nodes { email platformOperator } } }',
    );
    expect(operators.nodes).toContainEqual({ email, platformOperator: false });
  });
});
