import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTenantDomain } from '../../../src/server/tenants/add-tenant-domain';
import { createTenant } from '../../../src/server/tenants/create-tenant';
import { removeTenantDomain } from '../../../src/server/tenants/remove-tenant-domain';
import {
  appErrorOf,
  createUnitDeps,
  operator,
  tenantAdmin,
  UNIT_DATABASES,
  type UnitDeps,
} from '../../support/unit-deps';

for (const database of UNIT_DATABASES) {
  describe.skipIf(database.skip)(`custom domains of tenants (${database.name})`, () => {
    let unit: UnitDeps;
    let slugs = 0;

    beforeAll(async () => {
      unit = await createUnitDeps({ database: database.database });
    });
    afterAll(() => unit?.close());

    const newTenant = () =>
      createTenant({
        deps: unit.deps,
        principal: operator(),
        slug: `domains-${++slugs}`,
        name: `Domains ${slugs}`,
      });
    const add = (tenantId: string, domain: string, principal = operator()) =>
      addTenantDomain({ deps: unit.deps, principal, tenantId, domain });
    const remove = (tenantId: string, domain: string, principal = operator()) =>
      removeTenantDomain({ deps: unit.deps, principal, tenantId, domain });

    describe('addTenantDomain', () => {
      it('adds a host name, stored lower-case, with an audit event and a config version bump', async () => {
        const tenant = await newTenant();
        const updated = await add(tenant.id, '  ID.Acme-1.Example ', operator('alice'));
        expect(updated.domains).toEqual(['id.acme-1.example']);
        expect(updated.configVersion).toBe(tenant.configVersion + 1);
        expect(
          await unit.deps.db.auditEvent.findMany({
            where: { tenantId: tenant.id, action: 'tenant.domain.add' },
          }),
        ).toEqual([
          expect.objectContaining({
            actorId: 'alice',
            objectType: 'tenant',
            objectId: tenant.id,
            details: { domain: 'id.acme-1.example' },
          }),
        ]);
      });

      it('lets a tenant admin add a domain to their own tenant', async () => {
        const tenant = await newTenant();
        const updated = await add(tenant.id, 'login.mine.example', tenantAdmin(tenant.id));
        expect(updated.domains).toEqual(['login.mine.example']);
      });

      it.each([
        ['https://id.acme.example', 'a scheme'],
        ['id.acme.example:8443', 'a port'],
        ['id.acme.example/login', 'a path'],
        ['localhost', 'a single label'],
        ['192.0.2.10', 'an IP address'],
        ['-id.acme.example', 'a label starting with a hyphen'],
        ['id..acme.example', 'an empty label'],
        ['id.acme.example.', 'a trailing dot'],
        ['id_acme.example', 'an underscore'],
        [`${'a'.repeat(64)}.example`, 'a label over 63 characters'],
        ['op.test', "the platform's own host"],
      ])('rejects %s (%s) at the path domain', async (domain) => {
        const tenant = await newTenant();
        const error = await appErrorOf(add(tenant.id, domain));
        expect(error).toMatchObject({
          code: 'VALIDATION_FAILED',
          fieldErrors: [{ path: 'domain' }],
        });
      });

      it('answers CONFLICT when another tenant or the same tenant has the domain', async () => {
        const owner = await newTenant();
        const other = await newTenant();
        await add(owner.id, 'id.shared.example');
        expect((await appErrorOf(add(other.id, 'ID.shared.example'))).code).toBe('CONFLICT');
        expect((await appErrorOf(add(owner.id, 'id.shared.example'))).code).toBe('CONFLICT');
        const row = await unit.deps.db.tenantDomain.findUnique({
          where: { domain: 'id.shared.example' },
        });
        expect(row?.tenantId).toBe(owner.id);
      });

      it('forbids a tenant admin of another tenant', async () => {
        const tenant = await newTenant();
        const other = await newTenant();
        const error = await appErrorOf(add(tenant.id, 'id.hijack.example', tenantAdmin(other.id)));
        expect(error.code).toBe('FORBIDDEN');
      });

      it('answers NOT_FOUND to a platform operator for an unknown tenant', async () => {
        expect((await appErrorOf(add('no-such-tenant', 'id.nobody.example'))).code).toBe(
          'NOT_FOUND',
        );
      });
    });

    describe('removeTenantDomain', () => {
      it('removes the domain with an audit event and a config version bump', async () => {
        const tenant = await newTenant();
        const added = await add(tenant.id, 'id.gone.example');
        const updated = await remove(tenant.id, 'ID.gone.example');
        expect(updated.domains).toEqual([]);
        expect(updated.configVersion).toBe(added.configVersion + 1);
        expect(
          await unit.deps.db.auditEvent.count({
            where: { tenantId: tenant.id, action: 'tenant.domain.remove', objectId: tenant.id },
          }),
        ).toBe(1);
      });

      it("answers NOT_FOUND for a domain the tenant does not have, and leaves another tenant's domain alone", async () => {
        const owner = await newTenant();
        const other = await newTenant();
        await add(owner.id, 'id.owned.example');
        const before = await unit.deps.db.tenant.findUniqueOrThrow({ where: { id: other.id } });
        expect((await appErrorOf(remove(other.id, 'id.owned.example'))).code).toBe('NOT_FOUND');
        expect((await appErrorOf(remove(other.id, 'id.unknown.example'))).code).toBe('NOT_FOUND');
        const after = await unit.deps.db.tenant.findUniqueOrThrow({ where: { id: other.id } });
        expect(after.configVersion).toBe(before.configVersion);
        expect(
          await unit.deps.db.tenantDomain.findUnique({ where: { domain: 'id.owned.example' } }),
        ).not.toBeNull();
      });

      it('forbids a tenant admin of another tenant', async () => {
        const tenant = await newTenant();
        const other = await newTenant();
        await add(tenant.id, 'id.keep.example');
        const error = await appErrorOf(remove(tenant.id, 'id.keep.example', tenantAdmin(other.id)));
        expect(error.code).toBe('FORBIDDEN');
      });
    });
  });
}
