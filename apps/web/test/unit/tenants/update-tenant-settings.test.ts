import { parseTenantSettings } from '@tessera/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../../../src/server/tenants/create-tenant';
import { updateTenantSettings } from '../../../src/server/tenants/update-tenant-settings';
import {
  appErrorOf,
  createUnitDeps,
  operator,
  tenantAdmin,
  UNIT_DATABASES,
  type UnitDeps,
} from '../../support/unit-deps';

for (const database of UNIT_DATABASES) {
  describe.skipIf(database.skip)(`updating tenant settings (${database.name})`, () => {
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
        slug: `settings-${++slugs}`,
        name: `Settings ${slugs}`,
      });
    const stored = async (tenantId: string) => {
      const row = await unit.deps.db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
      return { settings: parseTenantSettings(row.settings), configVersion: row.configVersion };
    };
    const update = (tenantId: string, settings: Record<string, unknown>, principal = operator()) =>
      updateTenantSettings({ deps: unit.deps, principal, tenantId, settings });

    it('merges a partial document into the stored one and keeps everything else', async () => {
      const tenant = await newTenant();
      await update(tenant.id, { protocol: { lifetimes: { accessToken: 600 } } });
      const updated = await update(tenant.id, {
        protocol: { lifetimes: { idToken: 300 } },
        branding: { primaryColor: '#112233' },
      });
      expect(updated.settings.protocol.lifetimes).toEqual({
        accessToken: 600,
        idToken: 300,
        refreshToken: tenant.settings.protocol.lifetimes?.refreshToken,
      });
      expect(updated.settings.branding).toEqual({ primaryColor: '#112233' });
      expect(updated.settings.subjectSalt).toBe(tenant.settings.subjectSalt);
      expect((await stored(tenant.id)).settings).toEqual(updated.settings);
    });

    it('covers lifetimes, response and grant types, client authentication, PKCE, subjects, registration, login limits, branding and locale', async () => {
      const tenant = await newTenant();
      const protocol = {
        lifetimes: {
          authorizationCode: 120,
          accessToken: 900,
          idToken: 900,
          refreshToken: 86_400,
          refreshRenewalThreshold: 3600,
          session: 7200,
        },
        responseTypes: ['code'],
        grantTypes: ['authorization_code', 'refresh_token'],
        tokenEndpointAuthMethods: ['private_key_jwt', 'none'],
        pkce: { required: 'all', allowPlain: false },
        subjectTypes: ['pairwise'],
        registration: 'initial_access_token',
      };
      const loginLimits = {
        perAccount: { maxFailures: 3, windowSeconds: 600 },
        perAddress: { maxFailures: 10, windowSeconds: 600 },
        perTenant: { maxFailures: 500, windowSeconds: 300 },
      };
      const branding = {
        logoUrl: 'https://cdn.acme.test/logo.svg',
        primaryColor: '#0055ff',
        backgroundColor: '#ffffff',
        displayName: 'Acme Sign-in',
      };
      await update(tenant.id, { protocol, loginLimits, branding, defaultLocale: 'de' });
      const { settings } = await stored(tenant.id);
      expect(settings).toEqual({
        protocol,
        loginLimits,
        branding,
        defaultLocale: 'de',
        subjectSalt: tenant.settings.subjectSalt,
      });
    });

    it('restores a default when a field is set to null', async () => {
      const tenant = await newTenant();
      await update(tenant.id, {
        protocol: { registration: 'off', lifetimes: { accessToken: 600 } },
        loginLimits: { perAccount: { maxFailures: 3 } },
        defaultLocale: 'de',
      });
      const reset = await update(tenant.id, {
        protocol: { registration: null, lifetimes: { accessToken: null } },
        loginLimits: { perAccount: null },
        defaultLocale: null,
      });
      expect(reset.settings.protocol.registration).toBeUndefined();
      expect(reset.settings.protocol.lifetimes?.accessToken).toBeUndefined();
      expect(reset.settings.loginLimits.perAccount).toEqual({ maxFailures: 5, windowSeconds: 900 });
      expect(reset.settings.defaultLocale).toBe('en');
    });

    it('replaces lists instead of merging them', async () => {
      const tenant = await newTenant();
      await update(tenant.id, {
        protocol: { grantTypes: ['authorization_code', 'refresh_token'] },
      });
      const updated = await update(tenant.id, { protocol: { grantTypes: ['client_credentials'] } });
      expect(updated.settings.protocol.grantTypes).toEqual(['client_credentials']);
    });

    it('rejects invalid values with their dotted paths under settings', async () => {
      const tenant = await newTenant();
      const error = await appErrorOf(
        update(tenant.id, {
          protocol: {
            lifetimes: { authorizationCode: 3600, accessToken: 0 },
            responseTypes: ['code', 'token'],
            grantTypes: [],
            pkce: { required: 'sometimes' },
            registration: 'closed',
          },
          branding: { primaryColor: 'red', logoUrl: 'http://insecure.test/logo.png' },
          loginLimits: { perTenant: { windowSeconds: 999_999 } },
          defaultLocale: 'not a locale',
        }),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors.map((e) => e.path).sort()).toEqual([
        'settings.branding.logoUrl',
        'settings.branding.primaryColor',
        'settings.defaultLocale',
        'settings.loginLimits.perTenant.windowSeconds',
        'settings.protocol.grantTypes',
        'settings.protocol.lifetimes.accessToken',
        'settings.protocol.lifetimes.authorizationCode',
        'settings.protocol.pkce.required',
        'settings.protocol.registration',
        'settings.protocol.responseTypes.1',
      ]);
      expect((await stored(tenant.id)).configVersion).toBe(tenant.configVersion);
    });

    it('refuses to change the subject salt', async () => {
      const tenant = await newTenant();
      for (const subjectSalt of ['a-new-salt-that-is-long-enough-0123456789', null]) {
        const error = await appErrorOf(update(tenant.id, { subjectSalt }));
        expect(error).toMatchObject({
          code: 'VALIDATION_FAILED',
          fieldErrors: [{ path: 'settings.subjectSalt' }],
        });
      }
      expect((await stored(tenant.id)).settings.subjectSalt).toBe(tenant.settings.subjectSalt);
    });

    it('refuses fields that are not tenant settings instead of dropping them', async () => {
      const tenant = await newTenant();
      const error = await appErrorOf(
        update(tenant.id, { protocol: { lifetime: { accessToken: 60 } }, colour: '#ffffff' }),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors.map((e) => e.path).sort()).toEqual([
        'settings.colour',
        'settings.protocol.lifetime',
      ]);
    });

    it('refuses a settings value that is not an object', async () => {
      const tenant = await newTenant();
      const error = await appErrorOf(
        updateTenantSettings({
          deps: unit.deps,
          principal: operator(),
          tenantId: tenant.id,
          settings: ['protocol'] as unknown as Record<string, unknown>,
        }),
      );
      expect(error).toMatchObject({
        code: 'VALIDATION_FAILED',
        fieldErrors: [{ path: 'settings' }],
      });
    });

    it('records the changed fields in an audit event and bumps the config version once', async () => {
      const tenant = await newTenant();
      const principal = { ...operator('alice'), ip: '203.0.113.7' };
      await update(tenant.id, { protocol: { lifetimes: { accessToken: 600 } } }, principal);
      expect((await stored(tenant.id)).configVersion).toBe(tenant.configVersion + 1);
      const events = await unit.deps.db.auditEvent.findMany({
        where: { tenantId: tenant.id, action: 'tenant.settings.update' },
      });
      expect(events).toEqual([
        expect.objectContaining({
          actorType: 'operator',
          actorId: 'alice',
          objectType: 'tenant',
          objectId: tenant.id,
          ip: '203.0.113.7',
          details: {
            changes: [{ path: 'protocol.lifetimes.accessToken', from: null, to: 600 }],
          },
        }),
      ]);
    });

    it('writes nothing when the document would not change', async () => {
      const tenant = await newTenant();
      await update(tenant.id, { defaultLocale: 'de' });
      const before = await stored(tenant.id);
      await update(tenant.id, { defaultLocale: 'de', protocol: {} });
      expect((await stored(tenant.id)).configVersion).toBe(before.configVersion);
      expect(
        await unit.deps.db.auditEvent.count({
          where: { tenantId: tenant.id, action: 'tenant.settings.update' },
        }),
      ).toBe(1);
    });

    it('lets a tenant admin update the settings of their own tenant', async () => {
      const tenant = await newTenant();
      const updated = await update(tenant.id, { defaultLocale: 'de' }, tenantAdmin(tenant.id));
      expect(updated.settings.defaultLocale).toBe('de');
    });

    it('forbids a tenant admin of another tenant, whether or not the tenant exists', async () => {
      const tenant = await newTenant();
      const other = await newTenant();
      for (const tenantId of [tenant.id, 'no-such-tenant']) {
        const error = await appErrorOf(
          update(tenantId, { defaultLocale: 'de' }, tenantAdmin(other.id)),
        );
        expect(error.code).toBe('FORBIDDEN');
      }
      expect((await stored(tenant.id)).settings.defaultLocale).toBe('en');
    });

    it('answers NOT_FOUND to a platform operator for an unknown tenant', async () => {
      expect((await appErrorOf(update('no-such-tenant', { defaultLocale: 'de' }))).code).toBe(
        'NOT_FOUND',
      );
    });

    it('never loses a concurrent update: a write over a stale version is refused with CONFLICT', async () => {
      const tenant = await newTenant();
      const patches = [600, 700, 800, 900].map((accessToken, i) => ({
        protocol: { lifetimes: { accessToken } },
        branding: { displayName: `Writer ${i}` },
      }));
      const outcomes = await Promise.allSettled(patches.map((patch) => update(tenant.id, patch)));
      const succeeded = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
      expect(succeeded.length).toBeGreaterThan(0);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect(outcome.reason.code).toBe('CONFLICT');
      }
      const { settings, configVersion } = await stored(tenant.id);
      expect(configVersion).toBe(tenant.configVersion + succeeded.length);
      // Whichever writer came last, its whole patch is in force, not a mix with a stale read.
      const writer = succeeded.find((i) => settings.branding.displayName === `Writer ${i}`);
      expect(writer).toBeDefined();
      expect(settings.protocol.lifetimes?.accessToken).toBe(
        patches[writer as number]?.protocol.lifetimes.accessToken,
      );
    });
  });
}
