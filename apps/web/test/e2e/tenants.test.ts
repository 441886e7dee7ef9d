/**
 * Tenants over HTTP: creation, listing and search with cursors, renaming, settings merges,
 * custom domains, status and deletion, the audit trail of it all, and what another tenant's
 * admin can learn (nothing).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dataOf, graphql, outcomeOf } from '../support/graphql-client';
import { unique } from '../support/operations';
import { databases, usePlatform } from '../support/platform';
import { accessTokenFor, createApiClient } from '../support/principals';

interface TenantView {
  id: string;
  slug: string;
  name: string;
  status: string;
  issuer: string;
  domains: string[];
  configVersion: number;
}

const TENANT_FIELDS = 'id slug name status issuer domains configVersion';

describe.each(databases())('Tenants over the admin API on $name', (kind) => {
  const platform = usePlatform(kind);
  let operator: string;
  let adminOfA: string;
  let adminOfB: string;
  let tenantA: TenantView;
  let tenantB: TenantView;
  const prefix = `t${unique().slice(0, 5)}`;

  const call = (token: string, query: string, variables: Record<string, unknown> = {}) =>
    graphql(platform.web, query, variables, { token });
  const run = async <T>(token: string, query: string, variables: Record<string, unknown> = {}) =>
    dataOf(await call(token, query, variables)) as T;

  beforeAll(async () => {
    operator = await accessTokenFor(
      platform,
      await createApiClient(platform, [{ role: 'platform_operator' }]),
    );
    const create = async (slug: string, name: string) =>
      (
        await run<{ createTenant: TenantView }>(
          operator,
          `mutation($slug: String!, $name: String!) { createTenant(slug: $slug, name: $name) { ${TENANT_FIELDS} } }`,
          { slug, name },
        )
      ).createTenant;
    tenantA = await create(`${prefix}-a`, 'Acme');
    tenantB = await create(`${prefix}-b`, 'Beta Corp');
    adminOfA = await accessTokenFor(
      platform,
      await createApiClient(platform, [{ role: 'tenant_admin', tenantId: tenantA.id }]),
    );
    adminOfB = await accessTokenFor(
      platform,
      await createApiClient(platform, [{ role: 'tenant_admin', tenantId: tenantB.id }]),
    );
  });

  it('creates a tenant that apps/op serves at its issuer', async () => {
    expect(tenantA).toMatchObject({
      slug: `${prefix}-a`,
      name: 'Acme',
      status: 'active',
      domains: [],
      issuer: `${platform.op.publicUrl}/${prefix}-a`,
    });
    const discovery = await fetch(`${tenantA.issuer}/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    expect(((await discovery.json()) as { issuer: string }).issuer).toBe(tenantA.issuer);
  });

  it('refuses a slug that exists already (CONFLICT) or is reserved (VALIDATION_FAILED)', async () => {
    const again = await call(
      operator,
      `mutation { createTenant(slug: "${prefix}-a", name: "x") { id } }`,
    );
    expect(outcomeOf(again)).toBe('CONFLICT');
    const reserved = await call(
      operator,
      'mutation { createTenant(slug: "admin", name: "x") { id } }',
    );
    expect(['CONFLICT', 'VALIDATION_FAILED']).toContain(outcomeOf(reserved));
  });

  it('lists tenants by slug a page at a time, with search', async () => {
    const page = async (after?: string) =>
      (
        await run<{
          tenants: {
            nodes: { slug: string }[];
            pageInfo: { endCursor: string; hasNextPage: boolean };
            totalCount: number;
          };
        }>(
          operator,
          'query($search: String, $after: String) { tenants(first: 1, search: $search, after: $after) { nodes { slug } pageInfo { endCursor hasNextPage } totalCount } }',
          { search: prefix.toUpperCase(), after },
        )
      ).tenants;
    const first = await page();
    expect(first.nodes.map((t) => t.slug)).toEqual([`${prefix}-a`]);
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.pageInfo.endCursor);
    expect(second.nodes.map((t) => t.slug)).toEqual([`${prefix}-b`]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it("shows a tenant admin only their own tenant, and never another tenant's existence", async () => {
    const listed = await run<{ tenants: { nodes: { id: string }[]; totalCount: number } }>(
      adminOfB,
      'query { tenants(first: 100) { nodes { id } totalCount } }',
    );
    expect(listed.tenants.nodes.map((t) => t.id)).toEqual([tenantB.id]);
    expect(listed.tenants.totalCount).toBe(1);
    const me = await run<{ me: { tenantSlugs: string[]; platformOperator: boolean } }>(
      adminOfB,
      'query { me { tenantSlugs platformOperator } }',
    );
    expect(me.me).toEqual({ tenantSlugs: [tenantB.slug], platformOperator: false });
    for (const variables of [
      { id: tenantA.id },
      { slug: tenantA.slug },
      { slug: 'no-such-tenant' },
    ]) {
      const result = await call(
        adminOfB,
        'query($id: ID, $slug: String) { tenant(id: $id, slug: $slug) { id } }',
        variables,
      );
      expect(outcomeOf(result), JSON.stringify(variables)).toBe('FORBIDDEN');
    }
    const missing = await call(operator, 'query { tenant(slug: "no-such-tenant") { id } }');
    expect(outcomeOf(missing)).toBe('NOT_FOUND');
  });

  it('renames a tenant for its admin and bumps its configuration version', async () => {
    const { renameTenant } = await run<{ renameTenant: TenantView }>(
      adminOfA,
      `mutation($tenantId: ID!) { renameTenant(tenantId: $tenantId, name: "Acme Inc.") { ${TENANT_FIELDS} } }`,
      { tenantId: tenantA.id },
    );
    expect(renameTenant.name).toBe('Acme Inc.');
    expect(renameTenant.slug).toBe(tenantA.slug);
    expect(renameTenant.configVersion).toBeGreaterThan(tenantA.configVersion);
  });

  it('merges partial settings: omitted fields stay, null restores the default', async () => {
    const update = (settings: unknown) =>
      run<{
        updateTenantSettings: {
          settings: {
            branding: Record<string, string | null>;
            protocol: { lifetimes: { accessToken: number; idToken: number } };
          };
        };
      }>(
        adminOfA,
        `mutation($tenantId: ID!, $settings: TenantSettingsInput!) {
          updateTenantSettings(tenantId: $tenantId, settings: $settings) {
            settings { branding { primaryColor displayName } protocol { lifetimes { accessToken idToken } } }
          }
        }`,
        { tenantId: tenantA.id, settings },
      );
    await update({ branding: { primaryColor: '#112233', displayName: 'Acme Login' } });
    const second = await update({ protocol: { lifetimes: { accessToken: 600 } } });
    expect(second.updateTenantSettings.settings.branding).toEqual({
      primaryColor: '#112233',
      displayName: 'Acme Login',
    });
    expect(second.updateTenantSettings.settings.protocol.lifetimes.accessToken).toBe(600);
    const third = await update({ branding: { primaryColor: null } });
    expect(third.updateTenantSettings.settings.branding).toEqual({
      primaryColor: null,
      displayName: 'Acme Login',
    });
  });

  it('adds and removes custom domains; a domain belongs to one tenant', async () => {
    const domain = `id-${unique()}.example.com`;
    const add = (token: string, tenantId: string, value: string) =>
      call(
        token,
        'mutation($tenantId: ID!, $domain: String!) { addTenantDomain(tenantId: $tenantId, domain: $domain) { domains } }',
        { tenantId, domain: value },
      );
    const added = await add(adminOfA, tenantA.id, domain.toUpperCase());
    expect(dataOf(added)).toEqual({ addTenantDomain: { domains: [domain] } });
    expect(outcomeOf(await add(adminOfB, tenantB.id, domain))).toBe('CONFLICT');
    expect(outcomeOf(await add(adminOfA, tenantA.id, 'not a domain'))).toBe('VALIDATION_FAILED');
    const removed = await run<{ removeTenantDomain: { domains: string[] } }>(
      adminOfA,
      'mutation($tenantId: ID!, $domain: String!) { removeTenantDomain(tenantId: $tenantId, domain: $domain) { domains } }',
      { tenantId: tenantA.id, domain },
    );
    expect(removed.removeTenantDomain.domains).toEqual([]);
  });

  it('never disables or deletes the admin tenant', async () => {
    const admin = await platform.db.tenant.findUniqueOrThrow({ where: { slug: 'admin' } });
    const disable = await call(
      operator,
      'mutation($tenantId: ID!) { setTenantStatus(tenantId: $tenantId, status: disabled) { id } }',
      { tenantId: admin.id },
    );
    expect(outcomeOf(disable)).toBe('VALIDATION_FAILED');
    const remove = await call(
      operator,
      'mutation($tenantId: ID!) { deleteTenant(tenantId: $tenantId, confirmSlug: "admin") }',
      { tenantId: admin.id },
    );
    expect(outcomeOf(remove)).toBe('VALIDATION_FAILED');
  });

  it('deletes a tenant only when the slug is repeated, and apps/op forgets it', async () => {
    const { createTenant } = await run<{ createTenant: TenantView }>(
      operator,
      `mutation($slug: String!) { createTenant(slug: $slug, name: "Short-lived") { ${TENANT_FIELDS} } }`,
      { slug: `${prefix}-gone` },
    );
    const discovery = `${createTenant.issuer}/.well-known/openid-configuration`;
    expect((await fetch(discovery)).status).toBe(200);
    const wrong = await call(
      operator,
      'mutation($tenantId: ID!) { deleteTenant(tenantId: $tenantId, confirmSlug: "something-else") }',
      { tenantId: createTenant.id },
    );
    expect(outcomeOf(wrong)).toBe('VALIDATION_FAILED');
    expect(wrong.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toBe('confirmSlug');
    const deleted = await run<{ deleteTenant: string }>(
      operator,
      'mutation($tenantId: ID!, $slug: String!) { deleteTenant(tenantId: $tenantId, confirmSlug: $slug) }',
      { tenantId: createTenant.id, slug: createTenant.slug },
    );
    expect(deleted.deleteTenant).toBe(createTenant.id);
    await expect
      .poll(async () => (await fetch(discovery)).status, { timeout: 5_000, interval: 100 })
      .toBe(404);
  });

  it('keeps an audit trail the tenant admin can read for their tenant only', async () => {
    const { auditEvents } = await run<{
      auditEvents: {
        nodes: { action: string; actorType: string; tenantId: string; details: unknown }[];
      };
    }>(
      adminOfA,
      'query($tenantId: ID!) { auditEvents(first: 50, filter: { tenantId: $tenantId }) { nodes { action actorType tenantId details } } }',
      { tenantId: tenantA.id },
    );
    const actions = auditEvents.nodes.map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'tenant.create',
        'tenant.rename',
        'tenant.settings.update',
        'tenant.domain.add',
        'tenant.domain.remove',
      ]),
    );
    // Newest first.
    expect(actions.indexOf('tenant.rename')).toBeLessThan(actions.indexOf('tenant.create'));
    expect(auditEvents.nodes.every((event) => event.tenantId === tenantA.id)).toBe(true);
    expect(auditEvents.nodes.every((event) => event.actorType === 'api_client')).toBe(true);
    // Without a filter a tenant admin sees their tenants' events only.
    const unfiltered = await run<{ auditEvents: { nodes: { tenantId: string | null }[] } }>(
      adminOfA,
      'query { auditEvents(first: 100) { nodes { tenantId } } }',
    );
    expect(new Set(unfiltered.auditEvents.nodes.map((event) => event.tenantId))).toEqual(
      new Set([tenantA.id]),
    );
  });
});
