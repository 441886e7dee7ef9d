import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphqlHandler, type GraphqlHandler } from '../../../src/graphql/handler';
import { createRateLimiter } from '../../../src/graphql/rate-limiter';
import { buildSchema } from '../../../src/graphql/schema';
import type { Principal } from '../../../src/server/principal';
import { createTenant } from '../../../src/server/tenants/create-tenant';
import { createUnitDeps, operator, tenantAdmin, type UnitDeps } from '../../support/unit-deps';

interface GraphqlResult {
  data?: Record<string, unknown> | null;
  errors?: { extensions: { code: string; fieldErrors?: { path: string }[] } }[];
}

describe('the claims and keys operations of the GraphQL schema', () => {
  let unit: UnitDeps;
  let handler: GraphqlHandler;
  let tenantId: string;
  let caller: Principal = operator();

  beforeAll(async () => {
    unit = await createUnitDeps();
    handler = await createGraphqlHandler({
      schema: buildSchema(),
      introspection: false,
      deps: unit.deps,
      limiter: createRateLimiter(),
      authenticate: async () => ({ kind: 'principal', principal: caller }),
      onError: () => {},
    });
    tenantId = (
      await createTenant({ deps: unit.deps, principal: operator(), slug: 'gql', name: 'GQL' })
    ).id;
  });
  afterAll(async () => {
    await handler?.stop();
    await unit?.close();
  });

  const send = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await handler.handle(
      new Request('https://web.test/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { tenantId, ...variables } }),
      }),
      '127.0.0.1',
    );
    return (await response.json()) as GraphqlResult;
  };
  const run = async (query: string, variables: Record<string, unknown> = {}) => {
    const result = await send(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data as Record<string, unknown>;
  };

  it("answers VALIDATION_FAILED with field paths, and FORBIDDEN to another tenant's admin", async () => {
    const invalid = await send(`mutation($tenantId: ID!) {
      upsertScopeDefinition(tenantId: $tenantId, name: "openid", claims: ["nope"]) { name }
    }`);
    expect(invalid.errors?.[0]?.extensions).toEqual({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'name', message: expect.any(String) }],
    });
    caller = tenantAdmin('another-tenant');
    try {
      const forbidden = await send(
        `query($tenantId: ID!) { signingKeys(tenantId: $tenantId) { kid } }`,
      );
      expect(forbidden.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(forbidden.data).toBeNull();
    } finally {
      caller = operator();
    }
  });

  it('defines a claim and a scope releasing it, lists and deletes them', async () => {
    await run(`mutation($tenantId: ID!) {
      upsertClaimDefinition(tenantId: $tenantId, name: "department") { name type }
    }`);
    const scope = await run(`mutation($tenantId: ID!) {
      upsertScopeDefinition(tenantId: $tenantId, name: "org", claims: ["department", "email"]) { name claims }
    }`);
    expect(scope.upsertScopeDefinition).toEqual({ name: 'org', claims: ['department', 'email'] });
    const lists = await run(`query($tenantId: ID!) {
      claimDefinitions(tenantId: $tenantId) { name type description }
      scopeDefinitions(tenantId: $tenantId) { name claims }
    }`);
    expect(lists).toEqual({
      claimDefinitions: [{ name: 'department', type: 'string', description: null }],
      scopeDefinitions: [{ name: 'org', claims: ['department', 'email'] }],
    });
    const deleted = await run(`mutation($tenantId: ID!) {
      deleteScopeDefinition(tenantId: $tenantId, name: "org") { name }
      deleteClaimDefinition(tenantId: $tenantId, name: "department") { name }
    }`);
    expect(deleted).toEqual({
      deleteScopeDefinition: { name: 'org' },
      deleteClaimDefinition: { name: 'department' },
    });
  });

  it('generates, rotates and retires keys and sets a schedule', async () => {
    const generated = await run(`mutation($tenantId: ID!) {
      generateSigningKey(tenantId: $tenantId, alg: ES256) { kid alg state publicJwk }
    }`);
    const key = generated.generateSigningKey as { kid: string; publicJwk: Record<string, string> };
    expect(key).toMatchObject({ alg: 'ES256', state: 'active' });
    expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', kid: key.kid });
    expect(key.publicJwk).not.toHaveProperty('d');
    const rotated = await run(`mutation($tenantId: ID!) {
      rotateSigningKeys(tenantId: $tenantId, alg: ES256) { kid state retiredAt }
    }`);
    expect(rotated.rotateSigningKeys).toContainEqual(
      expect.objectContaining({ kid: key.kid, state: 'retired' }),
    );
    const listed = await run(`query($tenantId: ID!) {
      signingKeys(tenantId: $tenantId) { kid alg state activatedAt }
    }`);
    const staged = (listed.signingKeys as { kid: string; state: string }[]).find(
      (k) => k.state === 'next',
    );
    const retired = await run(
      `mutation($tenantId: ID!, $kid: String!) {
        retireSigningKey(tenantId: $tenantId, kid: $kid) { state }
      }`,
      { kid: staged?.kid },
    );
    expect(retired.retireSigningKey).toEqual({ state: 'retired' });
    const schedule = await run(`mutation($tenantId: ID!) {
      setKeyRotationSchedule(tenantId: $tenantId, schedule: { intervalDays: 90, overlapDays: 7 }) {
        intervalDays overlapDays
      }
    }`);
    expect(schedule.setKeyRotationSchedule).toEqual({ intervalDays: 90, overlapDays: 7 });
    const read = await run(`query($tenantId: ID!) {
      keyRotationSchedule(tenantId: $tenantId) { intervalDays }
    }`);
    expect(read.keyRotationSchedule).toEqual({ intervalDays: 90 });
    const cleared = await run(`mutation($tenantId: ID!) {
      setKeyRotationSchedule(tenantId: $tenantId, schedule: null) { intervalDays }
    }`);
    expect(cleared.setKeyRotationSchedule).toBeNull();
  });
});
