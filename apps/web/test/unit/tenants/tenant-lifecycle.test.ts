import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../../../src/server/tenants/create-tenant';
import { deleteTenant } from '../../../src/server/tenants/delete-tenant';
import { renameTenant } from '../../../src/server/tenants/rename-tenant';
import { setTenantStatus } from '../../../src/server/tenants/set-tenant-status';
import {
  appErrorOf,
  createUnitDeps,
  operator,
  tenantAdmin,
  UNIT_DATABASES,
  type UnitDeps,
} from '../../support/unit-deps';

for (const database of UNIT_DATABASES) {
  describe.skipIf(database.skip)(
    `renaming, disabling and deleting tenants (${database.name})`,
    () => {
      let unit: UnitDeps;
      let adminTenantId: string;
      let slugs = 0;

      beforeAll(async () => {
        unit = await createUnitDeps({ database: database.database });
        adminTenantId = (
          await createTenant({
            deps: unit.deps,
            principal: operator(),
            slug: 'admin',
            name: 'Admin',
          })
        ).id;
      });
      afterAll(() => unit?.close());

      const newTenant = () =>
        createTenant({
          deps: unit.deps,
          principal: operator(),
          slug: `life-${++slugs}`,
          name: `Life ${slugs}`,
        });
      const row = (id: string) => unit.deps.db.tenant.findUnique({ where: { id } });
      const eventsOf = (tenantId: string, action: string) =>
        unit.deps.db.auditEvent.findMany({ where: { tenantId, action } });

      describe('renameTenant', () => {
        it('changes the display name, keeps the slug and records the change', async () => {
          const tenant = await newTenant();
          const renamed = await renameTenant({
            deps: unit.deps,
            principal: operator('alice'),
            tenantId: tenant.id,
            name: '  Acme Corp  ',
          });
          expect(renamed).toMatchObject({
            name: 'Acme Corp',
            slug: tenant.slug,
            configVersion: tenant.configVersion + 1,
          });
          expect(await eventsOf(tenant.id, 'tenant.rename')).toEqual([
            expect.objectContaining({
              actorId: 'alice',
              objectType: 'tenant',
              objectId: tenant.id,
              details: { from: tenant.name, to: 'Acme Corp' },
            }),
          ]);
        });

        it('lets a tenant admin rename their own tenant', async () => {
          const tenant = await newTenant();
          const renamed = await renameTenant({
            deps: unit.deps,
            principal: tenantAdmin(tenant.id),
            tenantId: tenant.id,
            name: 'Mine',
          });
          expect(renamed.name).toBe('Mine');
        });

        it('rejects an empty or overlong name at the path name', async () => {
          const tenant = await newTenant();
          for (const name of ['   ', 'x'.repeat(201)]) {
            const error = await appErrorOf(
              renameTenant({ deps: unit.deps, principal: operator(), tenantId: tenant.id, name }),
            );
            expect(error).toMatchObject({
              code: 'VALIDATION_FAILED',
              fieldErrors: [{ path: 'name' }],
            });
          }
        });

        it('forbids a tenant admin of another tenant', async () => {
          const tenant = await newTenant();
          const other = await newTenant();
          const error = await appErrorOf(
            renameTenant({
              deps: unit.deps,
              principal: tenantAdmin(other.id),
              tenantId: tenant.id,
              name: 'Taken over',
            }),
          );
          expect(error.code).toBe('FORBIDDEN');
          expect((await row(tenant.id))?.name).toBe(tenant.name);
        });
      });

      describe('setTenantStatus', () => {
        it('disables and enables a tenant, each audited with a config version bump', async () => {
          const tenant = await newTenant();
          const disabled = await setTenantStatus({
            deps: unit.deps,
            principal: operator(),
            tenantId: tenant.id,
            status: 'disabled',
          });
          expect(disabled).toMatchObject({
            status: 'disabled',
            configVersion: tenant.configVersion + 1,
          });
          const enabled = await setTenantStatus({
            deps: unit.deps,
            principal: operator(),
            tenantId: tenant.id,
            status: 'active',
          });
          expect(enabled).toMatchObject({
            status: 'active',
            configVersion: tenant.configVersion + 2,
          });
          expect(await eventsOf(tenant.id, 'tenant.disable')).toHaveLength(1);
          expect((await eventsOf(tenant.id, 'tenant.enable'))[0]?.details).toEqual({
            from: 'disabled',
            to: 'active',
          });
        });

        it('writes nothing when the tenant has the status already', async () => {
          const tenant = await newTenant();
          const same = await setTenantStatus({
            deps: unit.deps,
            principal: operator(),
            tenantId: tenant.id,
            status: 'active',
          });
          expect(same.configVersion).toBe(tenant.configVersion);
          expect(await eventsOf(tenant.id, 'tenant.enable')).toHaveLength(0);
        });

        it('forbids tenant admins, even of that tenant', async () => {
          const tenant = await newTenant();
          const error = await appErrorOf(
            setTenantStatus({
              deps: unit.deps,
              principal: tenantAdmin(tenant.id),
              tenantId: tenant.id,
              status: 'disabled',
            }),
          );
          expect(error.code).toBe('FORBIDDEN');
          expect((await row(tenant.id))?.status).toBe('active');
        });

        it('refuses to disable the admin tenant', async () => {
          const error = await appErrorOf(
            setTenantStatus({
              deps: unit.deps,
              principal: operator(),
              tenantId: adminTenantId,
              status: 'disabled',
            }),
          );
          expect(error).toMatchObject({
            code: 'VALIDATION_FAILED',
            fieldErrors: [{ path: 'status' }],
          });
          expect((await row(adminTenantId))?.status).toBe('active');
        });

        it('answers NOT_FOUND for an unknown tenant', async () => {
          const error = await appErrorOf(
            setTenantStatus({
              deps: unit.deps,
              principal: operator(),
              tenantId: 'no-such-tenant',
              status: 'disabled',
            }),
          );
          expect(error.code).toBe('NOT_FOUND');
        });
      });

      describe('deleteTenant', () => {
        it('removes the tenant with its clients, users, keys, tokens, sessions, domains and roles, and nothing of another tenant', async () => {
          const doomed = await newTenant();
          const kept = await newTenant();
          for (const tenant of [doomed, kept]) await fillTenant(unit, tenant.id);

          const deleted = await deleteTenant({
            deps: unit.deps,
            principal: operator('alice'),
            tenantId: doomed.id,
            confirmSlug: doomed.slug,
          });

          expect(deleted).toBe(doomed.id);
          expect(await countRows(unit, doomed.id)).toEqual(emptyCounts);
          expect(await countRows(unit, kept.id)).toEqual(filledCounts);
          expect(await eventsOf(doomed.id, 'tenant.delete')).toEqual([
            expect.objectContaining({
              actorId: 'alice',
              objectType: 'tenant',
              objectId: doomed.id,
              details: { slug: doomed.slug, name: doomed.name },
            }),
          ]);
        });

        it('keeps the audit log of a deleted tenant', async () => {
          const tenant = await newTenant();
          await deleteTenant({
            deps: unit.deps,
            principal: operator(),
            tenantId: tenant.id,
            confirmSlug: tenant.slug,
          });
          expect(await eventsOf(tenant.id, 'tenant.create')).toHaveLength(1);
        });

        it('requires confirmSlug to repeat the slug', async () => {
          const tenant = await newTenant();
          const error = await appErrorOf(
            deleteTenant({
              deps: unit.deps,
              principal: operator(),
              tenantId: tenant.id,
              confirmSlug: `${tenant.slug}x`,
            }),
          );
          expect(error).toMatchObject({
            code: 'VALIDATION_FAILED',
            fieldErrors: [{ path: 'confirmSlug' }],
          });
          expect(await row(tenant.id)).not.toBeNull();
        });

        it('refuses to delete the admin tenant', async () => {
          const error = await appErrorOf(
            deleteTenant({
              deps: unit.deps,
              principal: operator(),
              tenantId: adminTenantId,
              confirmSlug: 'admin',
            }),
          );
          expect(error).toMatchObject({
            code: 'VALIDATION_FAILED',
            fieldErrors: [{ path: 'tenantId' }],
          });
          expect(await row(adminTenantId)).not.toBeNull();
        });

        it('forbids tenant admins, even of that tenant', async () => {
          const tenant = await newTenant();
          const error = await appErrorOf(
            deleteTenant({
              deps: unit.deps,
              principal: tenantAdmin(tenant.id),
              tenantId: tenant.id,
              confirmSlug: tenant.slug,
            }),
          );
          expect(error.code).toBe('FORBIDDEN');
          expect(await row(tenant.id)).not.toBeNull();
        });

        it('answers NOT_FOUND for an unknown tenant', async () => {
          const error = await appErrorOf(
            deleteTenant({
              deps: unit.deps,
              principal: operator(),
              tenantId: 'no-such-tenant',
              confirmSlug: 'no-such-tenant',
            }),
          );
          expect(error.code).toBe('NOT_FOUND');
        });
      });
    },
  );
}

const filledCounts = {
  domains: 1,
  keys: 1,
  clients: 1,
  users: 1,
  grants: 1,
  accessTokens: 1,
  refreshTokens: 1,
  sessions: 1,
  memberships: 1,
};
const emptyCounts = Object.fromEntries(Object.keys(filledCounts).map((k) => [k, 0]));

/** One row of each kind a tenant owns. */
async function fillTenant(unit: UnitDeps, tenantId: string): Promise<void> {
  const db = unit.deps.db;
  const now = new Date();
  const later = new Date(now.getTime() + 3600_000);
  await db.tenantDomain.create({ data: { tenantId, domain: `id.${tenantId}.test` } });
  await db.signingKey.create({
    data: {
      tenantId,
      kid: 'k1',
      alg: 'RS256',
      state: 'active',
      privateJwkEncrypted: 'sealed',
      publicJwk: {},
      createdAt: now,
    },
  });
  await db.client.create({ data: { tenantId, clientId: 'rp', metadata: {}, issuedAt: now } });
  await db.user.create({ data: { tenantId, id: 'u1', loginName: 'alice', claims: {} } });
  await db.grant.create({
    data: { tenantId, id: 'g1', clientId: 'rp', userId: 'u1', scope: 'openid', issuedAt: now },
  });
  await db.accessToken.create({
    data: {
      tenantId,
      hash: 'at',
      grantId: 'g1',
      clientId: 'rp',
      scope: 'openid',
      issuedAt: now,
      expiresAt: later,
    },
  });
  await db.refreshToken.create({
    data: { tenantId, hash: 'rt', grantId: 'g1', clientId: 'rp', scope: 'openid', issuedAt: now },
  });
  await db.session.create({
    data: {
      tenantId,
      id: 's1',
      tokenHash: 'st',
      userId: 'u1',
      authTime: now,
      createdAt: now,
      expiresAt: later,
    },
  });
  const operatorId = randomUUID();
  await db.operator.create({
    data: { id: operatorId, subject: operatorId, email: `${operatorId}@ops.test` },
  });
  await db.membership.create({
    data: { id: randomUUID(), operatorId, tenantId, role: 'tenant_admin' },
  });
}

async function countRows(unit: UnitDeps, tenantId: string) {
  const db = unit.deps.db;
  const where = { where: { tenantId } };
  return {
    domains: await db.tenantDomain.count(where),
    keys: await db.signingKey.count(where),
    clients: await db.client.count(where),
    users: await db.user.count(where),
    grants: await db.grant.count(where),
    accessTokens: await db.accessToken.count(where),
    refreshTokens: await db.refreshToken.count(where),
    sessions: await db.session.count(where),
    memberships: await db.membership.count(where),
  };
}
