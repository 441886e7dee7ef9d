import { KeySet } from '@tessera/core';
import { createTenantStores } from '@tessera/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../../src/server/keys/generate-signing-key';
import { getKeyRotationSchedule } from '../../../src/server/keys/get-key-rotation-schedule';
import { listSigningKeys } from '../../../src/server/keys/list-signing-keys';
import { retireSigningKey } from '../../../src/server/keys/retire-signing-key';
import { rotateSigningKeys } from '../../../src/server/keys/rotate-signing-keys';
import { setKeyRotationSchedule } from '../../../src/server/keys/set-key-rotation-schedule';
import { createTenant } from '../../../src/server/tenants/create-tenant';
import {
  appErrorOf,
  createUnitDeps,
  operator,
  tenantAdmin,
  UNIT_DATABASES,
  type UnitDeps,
} from '../../support/unit-deps';

const ISSUER = 'https://op.test/keys';
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'];

for (const database of UNIT_DATABASES) {
  describe.skipIf(database.skip)(`signing keys (${database.name})`, () => {
    let unit: UnitDeps;
    let slugs = 0;
    // Whole seconds: key records count in seconds.
    let clock = Date.UTC(2030, 0, 1);

    beforeAll(async () => {
      unit = await createUnitDeps({ database: database.database, now: () => new Date(clock) });
    });
    afterAll(() => unit?.close());

    const newTenant = () =>
      createTenant({
        deps: unit.deps,
        principal: operator(),
        slug: `keys-${++slugs}`,
        name: `Keys ${slugs}`,
      });
    const configVersion = async (tenantId: string) =>
      (await unit.deps.db.tenant.findUniqueOrThrow({ where: { id: tenantId } })).configVersion;
    const actions = async (tenantId: string) =>
      (await unit.deps.db.auditEvent.findMany({ where: { tenantId }, orderBy: { at: 'asc' } }))
        .map((e) => e.action)
        .filter((a) => a !== 'tenant.create');
    const list = (tenantId: string) =>
      listSigningKeys({ deps: unit.deps, principal: operator(), tenantId });
    const generate = (tenantId: string, alg: 'RS256' | 'ES256' | 'EdDSA' = 'RS256') =>
      generateSigningKey({ deps: unit.deps, principal: operator(), tenantId, alg });
    const rotate = (tenantId: string, alg?: 'RS256' | 'ES256' | 'EdDSA') =>
      rotateSigningKeys({ deps: unit.deps, principal: operator(), tenantId, alg });
    const retire = (tenantId: string, kid: string) =>
      retireSigningKey({ deps: unit.deps, principal: operator(), tenantId, kid });
    const stateOf = async (tenantId: string) =>
      Object.fromEntries((await list(tenantId)).map((key) => [key.kid, key.state]));

    it('activates the first key of an algorithm and lists only its public half', async () => {
      const tenant = await newTenant();
      const before = await configVersion(tenant.id);
      const key = await generate(tenant.id);
      expect(key).toMatchObject({ alg: 'RS256', state: 'active', retiredAt: null });
      expect(key.activatedAt).toEqual(new Date(clock));
      const [listed] = await list(tenant.id);
      expect(listed).toEqual(key);
      expect(listed?.publicJwk).toMatchObject({
        kty: 'RSA',
        kid: key.kid,
        alg: 'RS256',
        use: 'sig',
      });
      for (const member of PRIVATE_MEMBERS) expect(listed?.publicJwk).not.toHaveProperty(member);
      expect(await configVersion(tenant.id)).toBe(before + 1);
      expect(await actions(tenant.id)).toEqual(['signing_key.generate']);
    });

    it('stages a second key as next, replacing a previously staged one', async () => {
      const tenant = await newTenant();
      const active = await generate(tenant.id, 'ES256');
      const first = await generate(tenant.id, 'ES256');
      const second = await generate(tenant.id, 'ES256');
      expect([first.state, second.state]).toEqual(['next', 'next']);
      expect(second.activatedAt).toBeNull();
      expect(await stateOf(tenant.id)).toEqual({ [active.kid]: 'active', [second.kid]: 'next' });
      const [event] = await unit.deps.db.auditEvent.findMany({
        where: { tenantId: tenant.id, objectId: second.kid },
      });
      expect(event?.details).toMatchObject({
        alg: 'ES256',
        state: 'next',
        replacedNext: [first.kid],
      });
    });

    it('refuses an unknown algorithm', async () => {
      const tenant = await newTenant();
      const error = await appErrorOf(generate(tenant.id, 'HS256' as 'RS256'));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors.map((e) => e.path)).toEqual(['alg']);
    });

    it('rotates next -> active -> retired, stages a new next, and old tokens still verify', async () => {
      const tenant = await newTenant();
      const stores = createTenantStores(unit.deps.db, tenant.id, {
        secretBox: unit.deps.secretBox,
      });
      const first = await generate(tenant.id);
      const staged = await generate(tenant.id);
      const before = await KeySet.load(stores.keys);
      const oldToken = await before.sign({ iss: ISSUER, sub: 'alice' }, 'RS256');
      const version = await configVersion(tenant.id);
      clock += 60_000;

      const keys = await rotate(tenant.id);

      const byKid = Object.fromEntries(keys.map((key) => [key.kid, key]));
      expect(byKid[first.kid]).toMatchObject({ state: 'retired', retiredAt: new Date(clock) });
      expect(byKid[staged.kid]).toMatchObject({ state: 'active', activatedAt: new Date(clock) });
      const fresh = keys.filter((key) => key.kid !== first.kid && key.kid !== staged.kid);
      expect(fresh.map((key) => [key.alg, key.state])).toEqual([['RS256', 'next']]);
      expect(await configVersion(tenant.id)).toBe(version + 1);
      expect((await actions(tenant.id)).at(-1)).toBe('signing_key.rotate');

      const after = await KeySet.load(stores.keys);
      const now = Math.floor(clock / 1000);
      expect((await after.verify(oldToken, { issuer: ISSUER, now })).protectedHeader.kid).toBe(
        first.kid,
      );
      const newToken = await after.sign({ iss: ISSUER, sub: 'alice' }, 'RS256');
      expect((await after.verify(newToken, { issuer: ISSUER, now })).protectedHeader.kid).toBe(
        staged.kid,
      );
    });

    it('rotates every algorithm in use when none is named, and one when named', async () => {
      const tenant = await newTenant();
      const rs = await generate(tenant.id, 'RS256');
      const es = await generate(tenant.id, 'EdDSA');
      const all = await rotate(tenant.id);
      expect(
        all
          .filter((key) => key.state === 'retired')
          .map((key) => key.kid)
          .sort(),
      ).toEqual([rs.kid, es.kid].sort());
      const [event] = await unit.deps.db.auditEvent.findMany({
        where: { tenantId: tenant.id, action: 'signing_key.rotate' },
      });
      expect(event?.details).toMatchObject({
        rotated: [{ alg: 'EdDSA' }, { alg: 'RS256' }],
      });
      const active = (await list(tenant.id)).filter((key) => key.state === 'active');
      const onlyEd = await rotate(tenant.id, 'EdDSA');
      const stillActive = onlyEd.filter((key) => key.state === 'active').map((key) => key.kid);
      expect(stillActive).toContain(active.find((key) => key.alg === 'RS256')?.kid);
      expect(stillActive).not.toContain(active.find((key) => key.alg === 'EdDSA')?.kid);
    });

    it('gives a tenant without keys its first RS256 keys when rotated', async () => {
      const tenant = await newTenant();
      const keys = await rotate(tenant.id);
      expect(keys.map((key) => [key.alg, key.state]).sort()).toEqual([
        ['RS256', 'active'],
        ['RS256', 'next'],
      ]);
    });

    it('refuses to retire the only active RS256 key', async () => {
      const tenant = await newTenant();
      const key = await generate(tenant.id);
      const version = await configVersion(tenant.id);
      const error = await appErrorOf(retire(tenant.id, key.kid));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors.map((e) => e.path)).toEqual(['kid']);
      expect(await configVersion(tenant.id)).toBe(version);
    });

    it('retires an optional algorithm key and a staged key, keeping them published', async () => {
      const tenant = await newTenant();
      await generate(tenant.id);
      const ed = await generate(tenant.id, 'EdDSA');
      const staged = await generate(tenant.id);
      const version = await configVersion(tenant.id);
      clock += 1000;
      const retired = await retire(tenant.id, ed.kid);
      expect(retired).toMatchObject({ kid: ed.kid, state: 'retired', retiredAt: new Date(clock) });
      expect((await retire(tenant.id, staged.kid)).state).toBe('retired');
      expect(await configVersion(tenant.id)).toBe(version + 2);
      expect((await actions(tenant.id)).slice(-2)).toEqual([
        'signing_key.retire',
        'signing_key.retire',
      ]);
      // Retiring a retired key changes nothing.
      expect((await retire(tenant.id, ed.kid)).state).toBe('retired');
      expect(await configVersion(tenant.id)).toBe(version + 2);
      expect((await list(tenant.id)).map((key) => key.kid)).toContain(ed.kid);
    });

    it('refuses to retire the only active key of an algorithm the settings enable', async () => {
      const tenant = await newTenant();
      await generate(tenant.id);
      const es = await generate(tenant.id, 'ES256');
      const row = await unit.deps.db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
      const settings = row.settings as { protocol: Record<string, unknown> };
      settings.protocol.signingAlgorithms = ['RS256', 'ES256'];
      await unit.deps.db.tenant.update({
        where: { id: tenant.id },
        data: { settings: settings as object },
      });
      expect((await appErrorOf(retire(tenant.id, es.kid))).code).toBe('VALIDATION_FAILED');
    });

    it('answers NOT_FOUND for an unknown key id', async () => {
      const tenant = await newTenant();
      expect((await appErrorOf(retire(tenant.id, 'no-such-kid'))).code).toBe('NOT_FOUND');
    });

    it('stores, reads and removes a rotation schedule in the tenant settings', async () => {
      const tenant = await newTenant();
      const admin = tenantAdmin(tenant.id);
      const base = { deps: unit.deps, principal: admin, tenantId: tenant.id };
      const version = await configVersion(tenant.id);
      const schedule = { intervalDays: 90, overlapDays: 7 };
      expect(await setKeyRotationSchedule({ ...base, schedule })).toEqual(schedule);
      expect(await getKeyRotationSchedule(base)).toEqual(schedule);
      const row = await unit.deps.db.tenant.findUniqueOrThrow({ where: { id: tenant.id } });
      expect(row.settings).toMatchObject({
        keyRotation: schedule,
        subjectSalt: tenant.settings.subjectSalt,
      });
      expect(await setKeyRotationSchedule({ ...base, schedule: null })).toBeNull();
      expect(await getKeyRotationSchedule(base)).toBeNull();
      expect(await configVersion(tenant.id)).toBe(version + 2);
      const [event] = await unit.deps.db.auditEvent.findMany({
        where: { tenantId: tenant.id, action: 'tenant.key_rotation.update' },
        orderBy: { at: 'asc' },
      });
      expect(event?.details).toEqual({ schedule });
    });

    it('refuses a schedule whose overlap is shorter than a day, naming the field', async () => {
      const tenant = await newTenant();
      const error = await appErrorOf(
        setKeyRotationSchedule({
          deps: unit.deps,
          principal: operator(),
          tenantId: tenant.id,
          schedule: { intervalDays: 0, overlapDays: 0 },
        }),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors.map((e) => e.path).sort()).toEqual([
        'schedule.intervalDays',
        'schedule.overlapDays',
      ]);
    });

    it("is FORBIDDEN for another tenant's admin, for every operation", async () => {
      const tenant = await newTenant();
      const key = await generate(tenant.id);
      const other = await newTenant();
      const base = { deps: unit.deps, principal: tenantAdmin(other.id), tenantId: tenant.id };
      const calls = [
        listSigningKeys(base),
        generateSigningKey({ ...base, alg: 'RS256' }),
        rotateSigningKeys(base),
        retireSigningKey({ ...base, kid: key.kid }),
        setKeyRotationSchedule({ ...base, schedule: { intervalDays: 30, overlapDays: 2 } }),
        getKeyRotationSchedule(base),
      ];
      for (const call of calls) expect((await appErrorOf(call)).code).toBe('FORBIDDEN');
      expect(await stateOf(tenant.id)).toEqual({ [key.kid]: 'active' });
    });
  });
}
