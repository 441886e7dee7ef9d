import { hashToken } from '@tessera/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInitialAccessToken } from '../../../src/server/initial-access-tokens/create-initial-access-token';
import { listInitialAccessTokens } from '../../../src/server/initial-access-tokens/list-initial-access-tokens';
import { revokeInitialAccessToken } from '../../../src/server/initial-access-tokens/revoke-initial-access-token';
import { createTenant } from '../../../src/server/tenants/create-tenant';
import {
  appErrorOf,
  createUnitDeps,
  operator,
  tenantAdmin,
  UNIT_DATABASES,
  type UnitDeps,
} from '../../support/unit-deps';

const NOW = new Date('2026-11-28T12:00:00Z');

for (const { name, database, skip } of UNIT_DATABASES) {
  describe.skipIf(skip)(`initial access tokens (${name})`, () => {
    let unit: UnitDeps;
    let tenantId: string;
    let otherTenantId: string;

    beforeAll(async () => {
      unit = await createUnitDeps({ database, now: () => NOW });
      const create = (slug: string) =>
        createTenant({ deps: unit.deps, principal: operator(), slug, name: slug });
      tenantId = (await create('acme')).id;
      otherTenantId = (await create('globex')).id;
    });
    afterAll(() => unit?.close());

    it('creates a token shown once, stores only its hash and audits without it', async () => {
      const { token, initialAccessToken } = await createInitialAccessToken({
        deps: unit.deps,
        principal: tenantAdmin(tenantId),
        tenantId,
        description: '  CI pipeline ',
        expiresInSeconds: 3600,
      });
      expect(token.length).toBeGreaterThanOrEqual(43);
      expect(initialAccessToken).toEqual({
        id: expect.any(String),
        description: 'CI pipeline',
        createdAt: NOW,
        expiresAt: new Date(NOW.getTime() + 3600_000),
      });
      const row = await unit.deps.db.initialAccessToken.findUniqueOrThrow({
        where: { tenantId_id: { tenantId, id: initialAccessToken.id } },
      });
      expect(row.hash).toBe(hashToken(token));
      const audit = await unit.deps.db.auditEvent.findFirstOrThrow({
        where: { objectType: 'initial_access_token', objectId: initialAccessToken.id },
      });
      expect(audit).toMatchObject({ tenantId, action: 'initial_access_token.create' });
      expect(JSON.stringify(audit.details)).not.toContain(token);
      const tenant = await unit.deps.db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
      expect(tenant.configVersion).toBe(1);
    });

    it('lists the tenant’s tokens newest first, without the token or its hash', async () => {
      const { initialAccessToken } = await createInitialAccessToken({
        deps: unit.deps,
        principal: operator(),
        tenantId,
      });
      expect(initialAccessToken.expiresAt).toBeNull();
      const listed = await listInitialAccessTokens({
        deps: unit.deps,
        principal: operator(),
        tenantId,
      });
      expect(listed.map((t) => t.id)).toContain(initialAccessToken.id);
      expect(Object.keys(listed[0] ?? {}).sort()).toEqual([
        'createdAt',
        'description',
        'expiresAt',
        'id',
      ]);
      expect(
        await listInitialAccessTokens({
          deps: unit.deps,
          principal: operator(),
          tenantId: otherTenantId,
        }),
      ).toEqual([]);
    });

    it('revokes a token, and answers NOT_FOUND for an unknown or already revoked one', async () => {
      const { initialAccessToken } = await createInitialAccessToken({
        deps: unit.deps,
        principal: operator(),
        tenantId,
      });
      const revoke = (id: string, inTenant = tenantId) =>
        revokeInitialAccessToken({
          deps: unit.deps,
          principal: operator(),
          tenantId: inTenant,
          id,
        });
      // Another tenant's id is unknown here.
      expect(await appErrorOf(revoke(initialAccessToken.id, otherTenantId))).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await revoke(initialAccessToken.id)).toEqual(initialAccessToken);
      expect(await appErrorOf(revoke(initialAccessToken.id))).toMatchObject({ code: 'NOT_FOUND' });
      const audit = await unit.deps.db.auditEvent.findFirst({
        where: { action: 'initial_access_token.revoke', objectId: initialAccessToken.id },
      });
      expect(audit).not.toBeNull();
    });

    it('answers FORBIDDEN to an admin of another tenant, before any lookup', async () => {
      const principal = tenantAdmin(otherTenantId);
      const deps = unit.deps;
      expect(
        await appErrorOf(createInitialAccessToken({ deps, principal, tenantId })),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        await appErrorOf(listInitialAccessTokens({ deps, principal, tenantId })),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        await appErrorOf(revokeInitialAccessToken({ deps, principal, tenantId, id: 'nope' })),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        await appErrorOf(
          listInitialAccessTokens({ deps, principal: operator(), tenantId: 'no-such-tenant' }),
        ),
      ).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('validates the lifetime and description with field paths', async () => {
      const error = await appErrorOf(
        createInitialAccessToken({
          deps: unit.deps,
          principal: operator(),
          tenantId,
          description: 'x'.repeat(201),
          expiresInSeconds: 10,
        }),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors.map((e) => e.path).sort()).toEqual([
        'description',
        'expiresInSeconds',
      ]);
    });
  });
}
