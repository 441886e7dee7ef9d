import { createRequire } from 'node:module';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../../src/graphql/schema';
import { AppError } from '../../../src/server/errors';
import type { Principal } from '../../../src/server/principal';
import { createTenant } from '../../../src/server/tenants/create-tenant';
import { createUnitDeps, operator, tenantAdmin, type UnitDeps } from '../../support/unit-deps';

// Node loads `graphql` as CommonJS for Pothos, while Vite would hand this file the ESM build: two
// module instances that refuse each other's schema. Requiring it here shares Pothos's instance.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

// biome-ignore lint/suspicious/noExplicitAny: response shapes are asserted by the tests, not typed
type Data = Record<string, any>;

// The resolvers only call the services; these cases prove the schema's names, arguments and
// typed settings reach them and come back intact.
describe('the tenants and audit schema', () => {
  let unit: UnitDeps;
  let schema: GraphQLSchema;
  let tenantId: string;

  beforeAll(async () => {
    unit = await createUnitDeps();
    schema = buildSchema();
    tenantId = (
      await createTenant({ deps: unit.deps, principal: operator(), slug: 'acme', name: 'Acme' })
    ).id;
  });
  afterAll(() => unit?.close());

  const run = (source: string, variables: Record<string, unknown>, principal: Principal) =>
    graphql({
      schema,
      source,
      variableValues: { tenantId, ...variables },
      contextValue: { principal, deps: unit.deps },
    }) as Promise<ExecutionResult<Data>>;
  const codeOf = (result: ExecutionResult) => {
    const error = result.errors?.[0]?.originalError;
    return error instanceof AppError ? error.code : result.errors?.[0]?.message;
  };

  const UPDATE = /* GraphQL */ `
    mutation ($tenantId: ID!, $settings: TenantSettingsInput!) {
      updateTenantSettings(tenantId: $tenantId, settings: $settings) {
        configVersion
        settings {
          protocol {
            lifetimes { accessToken idToken refreshToken refreshRenewalThreshold }
            responseTypes
            grantTypes
            pkce { required allowPlain }
            registration
            extraScopes { scope claims }
          }
          branding { primaryColor logoUrl }
          loginLimits { perAccount { maxFailures windowSeconds } }
          defaultLocale
        }
      }
    }`;

  it('shows the settings in force and takes a partial typed document', async () => {
    const result = await run(
      UPDATE,
      {
        settings: {
          protocol: {
            lifetimes: { accessToken: 600 },
            responseTypes: ['code', 'code id_token'],
            pkce: { required: 'all' },
            registration: 'off',
          },
          branding: { primaryColor: '#123456' },
          loginLimits: { perAccount: { maxFailures: 3 } },
        },
      },
      tenantAdmin(tenantId),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateTenantSettings.settings).toEqual({
      protocol: {
        lifetimes: {
          accessToken: 600,
          idToken: 3600,
          refreshToken: 30 * 24 * 3600,
          refreshRenewalThreshold: null,
        },
        responseTypes: ['code', 'code id_token'],
        grantTypes: ['authorization_code', 'implicit', 'refresh_token', 'client_credentials'],
        pkce: { required: 'all', allowPlain: false },
        registration: 'off',
        extraScopes: [],
      },
      branding: { primaryColor: '#123456', logoUrl: null },
      loginLimits: { perAccount: { maxFailures: 3, windowSeconds: 900 } },
      defaultLocale: 'en',
    });
  });

  it('restores a default when an input field is null', async () => {
    const result = await run(
      UPDATE,
      { settings: { protocol: { lifetimes: { accessToken: null }, registration: null } } },
      operator(),
    );
    expect(result.data?.updateTenantSettings.settings.protocol).toMatchObject({
      lifetimes: { accessToken: 3600 },
      registration: 'open',
    });
  });

  it('reports invalid settings as VALIDATION_FAILED', async () => {
    const result = await run(
      UPDATE,
      { settings: { protocol: { grantTypes: ['password'] } } },
      operator(),
    );
    const error = result.errors?.[0]?.originalError as AppError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors.map((e) => e.path)).toEqual(['settings.protocol.grantTypes.0']);
  });

  it('renames, adds and removes a domain, disables and deletes through the mutations', async () => {
    const other = await createTenant({
      deps: unit.deps,
      principal: operator(),
      slug: 'other',
      name: 'Other',
    });
    const vars = { tenantId: other.id };
    const renamed = await run(
      'mutation ($tenantId: ID!) { renameTenant(tenantId: $tenantId, name: "Other Co") { name } }',
      vars,
      operator(),
    );
    expect(renamed.data?.renameTenant).toEqual({ name: 'Other Co' });
    const added = await run(
      'mutation ($tenantId: ID!) { addTenantDomain(tenantId: $tenantId, domain: "ID.Other.example") { domains } }',
      vars,
      operator(),
    );
    expect(added.data?.addTenantDomain).toEqual({ domains: ['id.other.example'] });
    const removed = await run(
      'mutation ($tenantId: ID!) { removeTenantDomain(tenantId: $tenantId, domain: "id.other.example") { domains } }',
      vars,
      operator(),
    );
    expect(removed.data?.removeTenantDomain).toEqual({ domains: [] });
    const disabled = await run(
      'mutation ($tenantId: ID!) { setTenantStatus(tenantId: $tenantId, status: disabled) { status } }',
      vars,
      operator(),
    );
    expect(disabled.data?.setTenantStatus).toEqual({ status: 'disabled' });
    const deleted = await run(
      'mutation ($tenantId: ID!) { deleteTenant(tenantId: $tenantId, confirmSlug: "other") }',
      vars,
      operator(),
    );
    expect(deleted.data?.deleteTenant).toBe(other.id);
  });

  it('lists audit events with a filter, newest first, and forbids other tenants to tenant admins', async () => {
    const query = /* GraphQL */ `
      query ($filter: AuditEventFilter, $first: Int) {
        auditEvents(filter: $filter, first: $first) {
          nodes { tenantId actorType actorId action objectType objectId details at }
          pageInfo { hasNextPage endCursor }
        }
      }`;
    const result = await run(
      query,
      { filter: { tenantId, action: 'tenant.settings.update' }, first: 1 },
      tenantAdmin(tenantId),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.auditEvents.nodes).toEqual([
      expect.objectContaining({
        tenantId,
        action: 'tenant.settings.update',
        objectType: 'tenant',
        objectId: tenantId,
        actorId: 'operator-1',
      }),
    ]);
    expect(result.data?.auditEvents.pageInfo.hasNextPage).toBe(true);
    const forbidden = await run(
      query,
      { filter: { tenantId: 'elsewhere' } },
      tenantAdmin(tenantId),
    );
    expect(codeOf(forbidden)).toBe('FORBIDDEN');
  });
});
