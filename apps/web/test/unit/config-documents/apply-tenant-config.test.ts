import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/server/api-clients/create-api-client';
import { applyTenantConfig } from '../../../src/server/config-documents/apply-tenant-config';
import { exportTenantConfig } from '../../../src/server/config-documents/export-tenant-config';
import { createTenant } from '../../../src/server/tenants/create-tenant';
import {
  appErrorOf,
  createUnitDeps,
  operator,
  tenantAdmin,
  UNIT_DATABASES,
  type UnitDeps,
} from '../../support/unit-deps';

/** A hand-written document: only a few fields, defaults everywhere else. */
const documentFor = (slug: string) => ({
  tenant: { slug, name: `Tenant ${slug}` },
  settings: { protocol: { lifetimes: { accessToken: 900 } }, defaultLocale: 'de' },
  domains: [`id.${slug}.example`],
  claims: [{ name: 'department', description: 'Where the user works' }],
  scopes: [{ name: 'org', claims: ['department', 'email'] }],
  clients: [
    {
      clientId: 'web-app',
      metadata: { client_name: 'Web app', redirect_uris: [`https://app.${slug}.example/cb`] },
    },
    {
      clientId: 'spa',
      metadata: {
        redirect_uris: [`https://spa.${slug}.example/cb`],
        token_endpoint_auth_method: 'none',
      },
    },
  ],
});

for (const database of UNIT_DATABASES) {
  describe.skipIf(database.skip)(`tenant configuration documents (${database.name})`, () => {
    let unit: UnitDeps;
    beforeAll(async () => {
      unit = await createUnitDeps({ database: database.database });
    });
    afterAll(() => unit?.close());

    const apply = (document: unknown, prune = false) =>
      applyTenantConfig({ deps: unit.deps, principal: operator(), document, prune });
    const exported = (slug: string) =>
      exportTenantConfig({ deps: unit.deps, principal: operator(), slug });
    const auditCount = () => unit.deps.db.auditEvent.count();
    const tenantRow = (slug: string) => unit.deps.db.tenant.findUniqueOrThrow({ where: { slug } });

    it('creates a missing tenant with everything the document lists', async () => {
      const { changes } = await apply(documentFor('alpha'));
      expect(changes.map((c) => `${c.kind}:${c.name}:${c.action}`)).toEqual([
        'tenant:alpha:created',
        'settings:alpha:updated',
        'domain:id.alpha.example:created',
        'claim:department:created',
        'scope:org:created',
        'client:web-app:created',
        'client:spa:created',
      ]);
      const settings = changes.find((c) => c.kind === 'settings');
      expect(settings?.fields).toContainEqual({
        path: 'protocol.lifetimes.accessToken',
        from: null,
        to: 900,
      });
      // A confidential client's secret is shown once; a public one has none.
      expect(changes.find((c) => c.name === 'web-app')?.clientSecret).toMatch(/^[\w-]{20,}$/);
      expect(changes.find((c) => c.name === 'spa')?.clientSecret).toBeUndefined();
      const document = await exported('alpha');
      expect(document.settings).toMatchObject({
        protocol: { lifetimes: { accessToken: 900 } },
        defaultLocale: 'de',
      });
      expect(document.domains).toEqual(['id.alpha.example']);
    });

    it('changes nothing, and records nothing, when applied again', async () => {
      const before = {
        audit: await auditCount(),
        version: (await tenantRow('alpha')).configVersion,
      };
      const { changes } = await apply(documentFor('alpha'));
      expect(changes).toEqual([]);
      expect(await auditCount()).toBe(before.audit);
      expect((await tenantRow('alpha')).configVersion).toBe(before.version);
      // The exported document is as idempotent as the hand-written one.
      expect((await apply(await exported('alpha'))).changes).toEqual([]);
      expect(await auditCount()).toBe(before.audit);
    });

    it('updates only what differs and names every changed field', async () => {
      const document = documentFor('alpha');
      document.tenant.name = 'Alpha Corp';
      document.settings.protocol.lifetimes.accessToken = 600;
      document.claims[0] = { name: 'department', description: 'Team' };
      const webApp = document.clients[0] as { metadata: Record<string, unknown> };
      webApp.metadata.redirect_uris = ['https://app.alpha.example/callback'];
      const { changes } = await apply(document);
      expect(changes).toEqual([
        {
          kind: 'tenant',
          name: 'alpha',
          action: 'updated',
          fields: [{ path: 'name', from: 'Tenant alpha', to: 'Alpha Corp' }],
        },
        {
          kind: 'settings',
          name: 'alpha',
          action: 'updated',
          fields: [{ path: 'protocol.lifetimes.accessToken', from: 900, to: 600 }],
        },
        {
          kind: 'claim',
          name: 'department',
          action: 'updated',
          fields: [{ path: 'description', from: 'Where the user works', to: 'Team' }],
        },
        {
          kind: 'client',
          name: 'web-app',
          action: 'updated',
          fields: [
            {
              path: 'metadata.redirect_uris',
              from: ['https://app.alpha.example/cb'],
              to: ['https://app.alpha.example/callback'],
            },
          ],
        },
      ]);
      expect((await apply(document)).changes).toEqual([]);
    });

    it('deletes what a present section leaves out only with prune', async () => {
      await apply(documentFor('beta'));
      const smaller = {
        tenant: { slug: 'beta', name: 'Tenant beta' },
        domains: [],
        claims: [],
        scopes: [],
        clients: [documentFor('beta').clients[1]],
      };
      expect((await apply(smaller)).changes).toEqual([]);
      const pruned = await apply(smaller, true);
      expect(pruned.changes.map((c) => `${c.kind}:${c.name}:${c.action}`)).toEqual([
        'domain:id.beta.example:deleted',
        'scope:org:deleted',
        'claim:department:deleted',
        'client:web-app:deleted',
      ]);
      const after = await exported('beta');
      expect(after).toMatchObject({ domains: [], claims: [], scopes: [] });
      expect(after.clients?.map((c) => c.clientId)).toEqual(['spa']);
      // Sections left out are not managed: settings stay as they were.
      expect(after.settings).toMatchObject({ protocol: { lifetimes: { accessToken: 900 } } });
    });

    it('copies a tenant: export, then apply under another slug', async () => {
      const source = await exported('alpha');
      const copy = { ...source, tenant: { ...source.tenant, slug: 'alpha-copy' } };
      copy.domains = [];
      const { changes } = await apply(copy);
      expect(changes[0]).toMatchObject({ kind: 'tenant', action: 'created' });
      const target = await exported('alpha-copy');
      expect({
        ...target,
        tenant: { ...target.tenant, slug: 'alpha' },
        domains: source.domains,
      }).toEqual(source);
      const salts = await Promise.all(
        ['alpha', 'alpha-copy'].map(
          async (slug) => ((await tenantRow(slug)).settings as { subjectSalt: string }).subjectSalt,
        ),
      );
      expect(salts[0]).not.toBe(salts[1]);
      expect(JSON.stringify(source)).not.toContain(salts[0]);
    });

    it('refuses an invalid document before writing anything, naming document paths', async () => {
      const audit = await auditCount();
      const cases: [unknown, string[]][] = [
        [
          {
            ...documentFor('gamma'),
            settings: { protocol: { lifetimes: { accessToken: 10 ** 9 } } },
          },
          ['settings.protocol.lifetimes.accessToken'],
        ],
        [
          { ...documentFor('gamma'), settings: { subjectSalt: 'x'.repeat(40) } },
          ['settings.subjectSalt'],
        ],
        [{ ...documentFor('gamma'), settings: { brandng: {} } }, ['settings.brandng']],
        [
          { ...documentFor('gamma'), clients: [{ clientId: 'a', metdata: {} }] },
          ['clients.0.metadata', 'clients.0'],
        ],
        [{ ...documentFor('gamma'), claims: [{ name: 'sub' }] }, ['claims.0.name']],
        [{ ...documentFor('gamma'), domains: ['https://id.gamma.example'] }, ['domains.0']],
        [{ tenant: { slug: 'API', name: '' } }, ['tenant.slug', 'tenant.name']],
        ['just a string', ['']],
      ];
      for (const [document, paths] of cases) {
        const error = await appErrorOf(apply(document));
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.fieldErrors.map((e) => e.path)).toEqual(paths);
      }
      expect(await unit.deps.db.tenant.findUnique({ where: { slug: 'gamma' } })).toBeNull();
      expect(await auditCount()).toBe(audit);
    });

    it("reports a service's validation error at the document path of the object", async () => {
      const document = documentFor('alpha');
      (document.clients[1] as { metadata: Record<string, unknown> }).metadata.redirect_uris = [
        'not a url',
      ];
      const error = await appErrorOf(apply(document));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors[0]?.path).toMatch(/^clients\.1\.metadata\.redirect_uris/);
      const scopes = {
        ...documentFor('alpha'),
        scopes: [{ name: 'org', claims: ['undefined-claim'] }],
      };
      const scopeError = await appErrorOf(apply(scopes));
      expect(scopeError.fieldErrors.map((e) => e.path)).toEqual(['scopes.0.claims.0']);
    });

    it("leaves the admin tenant's console and API clients out of its documents", async () => {
      await createTenant({ deps: unit.deps, principal: operator(), slug: 'admin', name: 'Admin' });
      await createApiClient({
        deps: unit.deps,
        principal: operator(),
        name: 'bot',
        roles: [{ role: 'platform_operator' }],
      });
      const document = await exported('admin');
      expect(document.clients).toEqual([]);
      expect((await apply(document, true)).changes).toEqual([]);
      expect(await unit.deps.db.apiClient.count()).toBe(1);
    });

    it("gives tenant admins their own tenants' documents only", async () => {
      const alpha = await tenantRow('alpha');
      const beta = await tenantRow('beta');
      const admin = tenantAdmin(alpha.id);
      expect(
        (await exportTenantConfig({ deps: unit.deps, principal: admin, slug: 'alpha' })).tenant
          .slug,
      ).toBe('alpha');
      const denied = await appErrorOf(
        exportTenantConfig({ deps: unit.deps, principal: admin, slug: beta.slug }),
      );
      expect(denied.code).toBe('FORBIDDEN');
      const create = await appErrorOf(
        applyTenantConfig({ deps: unit.deps, principal: admin, document: documentFor('delta') }),
      );
      expect(create.code).toBe('FORBIDDEN');
    });
  });
}
