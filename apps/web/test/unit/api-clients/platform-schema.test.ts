import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../../src/graphql/schema';
import { AppError } from '../../../src/server/errors';
import type { Principal } from '../../../src/server/principal';
import { createTenant } from '../../../src/server/tenants/create-tenant';
import { createUnitDeps, operator, tenantAdmin, type UnitDeps } from '../../support/unit-deps';

// Node loads `graphql` as CommonJS for Pothos; requiring it here shares that one instance (the
// ESM build Vite would give this file refuses a schema built by the other).
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

describe('the platform part of the GraphQL schema (operators, API clients)', () => {
  let unit: UnitDeps;
  let acmeId: string;
  const schema = buildSchema();
  beforeAll(async () => {
    unit = await createUnitDeps();
    await createTenant({ deps: unit.deps, principal: operator(), slug: 'admin', name: 'Admin' });
    acmeId = (
      await createTenant({ deps: unit.deps, principal: operator(), slug: 'acme', name: 'Acme' })
    ).id;
  });
  afterAll(() => unit?.close());

  const execute = (principal: Principal, source: string, variableValues = {}) =>
    graphql({ schema, source, variableValues, contextValue: { principal, deps: unit.deps } });

  it('creates an API client, returning its secret once, and lists it', async () => {
    const created = await execute(
      operator(),
      `mutation ($tenantId: ID!) {
        createApiClient(name: "bot", roles: [{ role: tenant_admin, tenantId: $tenantId }]) {
          clientSecret
          apiClient { clientId roles { role tenantSlug } }
        }
      }`,
      { tenantId: acmeId },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createApiClient).toMatchObject({
      clientSecret: expect.any(String),
      apiClient: { roles: [{ role: 'tenant_admin', tenantSlug: 'acme' }] },
    });
    const listed = await execute(operator(), '{ apiClients { totalCount nodes { name } } }');
    expect(listed.data?.apiClients).toEqual({ totalCount: 1, nodes: [{ name: 'bot' }] });
  });

  it('creates an operator with a generated password and lists operators', async () => {
    const created = await execute(
      operator(),
      `mutation {
        createOperator(input: { email: "ops@example.com", platformOperator: true }) {
          login password operator { email platformOperator memberships { role } }
        }
      }`,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createOperator).toMatchObject({
      login: 'ops@example.com',
      password: expect.stringMatching(/^[\w-]{24}$/),
      operator: { platformOperator: true, memberships: [{ role: 'platform_operator' }] },
    });
    const listed = await execute(operator(), '{ operators { nodes { email } } }');
    expect(listed.data?.operators).toEqual({ nodes: [{ email: 'ops@example.com' }] });
  });

  it('answers tenant admins FORBIDDEN on every platform operation', async () => {
    const admin = tenantAdmin(acmeId);
    for (const source of [
      '{ operators { totalCount } }',
      '{ apiClients { totalCount } }',
      'mutation { deleteApiClient(clientId: "x") { id } }',
      'mutation { createOperator(input: { email: "a@example.com" }) { login } }',
    ]) {
      const result = await execute(admin, source);
      const error = result.errors?.[0]?.originalError;
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('FORBIDDEN');
    }
  });
});
