import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteClaimDefinition } from '../../../src/server/claims/delete-claim-definition';
import { deleteScopeDefinition } from '../../../src/server/claims/delete-scope-definition';
import { listClaimDefinitions } from '../../../src/server/claims/list-claim-definitions';
import { listScopeDefinitions } from '../../../src/server/claims/list-scope-definitions';
import { upsertClaimDefinition } from '../../../src/server/claims/upsert-claim-definition';
import { upsertScopeDefinition } from '../../../src/server/claims/upsert-scope-definition';
import { createTenant } from '../../../src/server/tenants/create-tenant';
import {
  appErrorOf,
  createUnitDeps,
  operator,
  tenantAdmin,
  UNIT_DATABASES,
  type UnitDeps,
} from '../../support/unit-deps';

for (const database of UNIT_DATABASES) {
  describe.skipIf(database.skip)(`claim and scope definitions (${database.name})`, () => {
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
        slug: `claims-${++slugs}`,
        name: `Claims ${slugs}`,
      });
    const configVersion = async (tenantId: string) =>
      (await unit.deps.db.tenant.findUniqueOrThrow({ where: { id: tenantId } })).configVersion;
    const auditOf = (tenantId: string) =>
      unit.deps.db.auditEvent.findMany({ where: { tenantId }, orderBy: { at: 'asc' } });
    const defineClaim = (tenantId: string, name: string, principal = operator()) =>
      upsertClaimDefinition({ deps: unit.deps, principal, tenantId, name, type: 'string' });
    const defineScope = (
      tenantId: string,
      name: string,
      claims: string[],
      principal = operator(),
    ) => upsertScopeDefinition({ deps: unit.deps, principal, tenantId, name, claims });

    it('defines a claim, changes it, lists it, and audits each change with a version bump', async () => {
      const tenant = await newTenant();
      const admin = tenantAdmin(tenant.id);
      const before = await configVersion(tenant.id);
      await upsertClaimDefinition({
        deps: unit.deps,
        principal: admin,
        tenantId: tenant.id,
        name: 'department',
        type: 'string',
      });
      const changed = await upsertClaimDefinition({
        deps: unit.deps,
        principal: admin,
        tenantId: tenant.id,
        name: 'department',
        description: '  The org unit  ',
        type: 'array',
      });
      expect(changed).toEqual({
        tenantId: tenant.id,
        name: 'department',
        description: 'The org unit',
        type: 'array',
      });
      expect(
        await listClaimDefinitions({ deps: unit.deps, principal: admin, tenantId: tenant.id }),
      ).toEqual([changed]);
      expect(await configVersion(tenant.id)).toBe(before + 2);
      const events = (await auditOf(tenant.id)).filter((e) => e.objectType === 'claim_definition');
      expect(events.map((e) => [e.action, e.objectId, e.actorId])).toEqual([
        ['claim_definition.upsert', 'department', admin.id],
        ['claim_definition.upsert', 'department', admin.id],
      ]);
    });

    it('refuses claim names outside [A-Za-z0-9_.:-]{1,64} and protocol claims', async () => {
      const tenant = await newTenant();
      for (const name of [
        '',
        'has space',
        'x'.repeat(65),
        'ümlaut',
        'sub',
        'iss',
        'aud',
        'nonce',
      ]) {
        const error = await appErrorOf(defineClaim(tenant.id, name));
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.fieldErrors.map((e) => e.path)).toEqual(['name']);
      }
      await expect(defineClaim(tenant.id, 'urn:acme:employee.id_2-b')).resolves.toBeTruthy();
    });

    it('refuses an unknown claim type', async () => {
      const tenant = await newTenant();
      const error = await appErrorOf(
        upsertClaimDefinition({
          deps: unit.deps,
          principal: operator(),
          tenantId: tenant.id,
          name: 'size',
          type: 'float' as 'number',
        }),
      );
      expect(error.fieldErrors.map((e) => e.path)).toEqual(['type']);
    });

    it('defines a scope over defined and standard claims and audits it', async () => {
      const tenant = await newTenant();
      await defineClaim(tenant.id, 'department');
      const before = await configVersion(tenant.id);
      const scope = await upsertScopeDefinition({
        deps: unit.deps,
        principal: operator(),
        tenantId: tenant.id,
        name: 'org',
        claims: ['department', 'email'],
        description: 'Organisation data',
      });
      expect(scope).toEqual({
        tenantId: tenant.id,
        name: 'org',
        description: 'Organisation data',
        claims: ['department', 'email'],
      });
      expect(
        await listScopeDefinitions({ deps: unit.deps, principal: operator(), tenantId: tenant.id }),
      ).toEqual([scope]);
      expect(await configVersion(tenant.id)).toBe(before + 1);
      const [event] = (await auditOf(tenant.id)).filter((e) => e.objectType === 'scope_definition');
      expect(event).toMatchObject({
        action: 'scope_definition.upsert',
        objectId: 'org',
        details: { claims: ['department', 'email'] },
      });
    });

    it('refuses a scope listing a claim that is neither defined nor standard, naming its index', async () => {
      const tenant = await newTenant();
      const error = await appErrorOf(defineScope(tenant.id, 'org', ['email', 'department', 'sub']));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors.map((e) => e.path)).toEqual(['claims.1', 'claims.2']);
      expect(
        await listScopeDefinitions({ deps: unit.deps, principal: operator(), tenantId: tenant.id }),
      ).toEqual([]);
    });

    it('refuses to redefine openid, scope names that are no RFC 6749 scope tokens, and repeated claims', async () => {
      const tenant = await newTenant();
      for (const name of ['openid', 'offline_access', 'two words', 'quo"te', 'back\\slash', '']) {
        const error = await appErrorOf(defineScope(tenant.id, name, ['email']));
        expect(error.fieldErrors.map((e) => e.path)).toEqual(['name']);
      }
      const repeated = await appErrorOf(defineScope(tenant.id, 'mail', ['email', 'email']));
      expect(repeated.fieldErrors.map((e) => e.path)).toEqual(['claims']);
      await expect(defineScope(tenant.id, 'api:read/all', [])).resolves.toBeTruthy();
    });

    it('lets a tenant redefine a standard scope such as profile', async () => {
      const tenant = await newTenant();
      const scope = await defineScope(tenant.id, 'profile', ['name']);
      expect(scope.claims).toEqual(['name']);
    });

    it('refuses to delete a claim a scope releases, then deletes it once the scope is gone', async () => {
      const tenant = await newTenant();
      await defineClaim(tenant.id, 'department');
      await defineScope(tenant.id, 'org', ['department']);
      const error = await appErrorOf(
        deleteClaimDefinition({
          deps: unit.deps,
          principal: operator(),
          tenantId: tenant.id,
          name: 'department',
        }),
      );
      expect(error.code).toBe('CONFLICT');
      const before = await configVersion(tenant.id);
      await deleteScopeDefinition({
        deps: unit.deps,
        principal: operator(),
        tenantId: tenant.id,
        name: 'org',
      });
      const removed = await deleteClaimDefinition({
        deps: unit.deps,
        principal: operator(),
        tenantId: tenant.id,
        name: 'department',
      });
      expect(removed.name).toBe('department');
      expect(await configVersion(tenant.id)).toBe(before + 2);
      const actions = (await auditOf(tenant.id)).map((e) => e.action);
      expect(actions).toContain('scope_definition.delete');
      expect(actions).toContain('claim_definition.delete');
    });

    it('answers NOT_FOUND for a missing definition and leaves the version alone', async () => {
      const tenant = await newTenant();
      const before = await configVersion(tenant.id);
      // One call at a time: a second call started early would reject unobserved.
      for (const call of [
        () =>
          deleteClaimDefinition({
            deps: unit.deps,
            principal: operator(),
            tenantId: tenant.id,
            name: 'x',
          }),
        () =>
          deleteScopeDefinition({
            deps: unit.deps,
            principal: operator(),
            tenantId: tenant.id,
            name: 'x',
          }),
      ]) {
        expect((await appErrorOf(call())).code).toBe('NOT_FOUND');
      }
      expect(await configVersion(tenant.id)).toBe(before);
    });

    it("is FORBIDDEN for another tenant's admin, for every operation, before any lookup", async () => {
      const tenant = await newTenant();
      const other = await newTenant();
      await defineClaim(tenant.id, 'department');
      const intruder = tenantAdmin(other.id);
      const base = { deps: unit.deps, principal: intruder };
      const calls = [
        listClaimDefinitions({ ...base, tenantId: tenant.id }),
        listScopeDefinitions({ ...base, tenantId: tenant.id }),
        upsertClaimDefinition({ ...base, tenantId: tenant.id, name: 'x', type: 'string' }),
        deleteClaimDefinition({ ...base, tenantId: tenant.id, name: 'department' }),
        upsertScopeDefinition({ ...base, tenantId: tenant.id, name: 'x', claims: [] }),
        deleteScopeDefinition({ ...base, tenantId: tenant.id, name: 'x' }),
        // A tenant that does not exist looks the same as one that does.
        listClaimDefinitions({ ...base, tenantId: 'no-such-tenant' }),
      ];
      for (const call of calls) expect((await appErrorOf(call)).code).toBe('FORBIDDEN');
      expect(
        await listClaimDefinitions({ deps: unit.deps, principal: intruder, tenantId: other.id }),
      ).toEqual([]);
    });

    it('answers NOT_FOUND to a platform operator naming a tenant that does not exist', async () => {
      const error = await appErrorOf(defineClaim('no-such-tenant', 'department'));
      expect(error.code).toBe('NOT_FOUND');
    });

    it("keeps each tenant's definitions to itself", async () => {
      const a = await newTenant();
      const b = await newTenant();
      await defineClaim(a.id, 'department');
      const error = await appErrorOf(defineScope(b.id, 'org', ['department']));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(
        await listClaimDefinitions({ deps: unit.deps, principal: operator(), tenantId: b.id }),
      ).toEqual([]);
    });
  });
}
