import { DEFAULT_SETTINGS, resolveSettings } from '@tessera/core';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCOUNT_LIMIT,
  DEFAULT_ADDRESS_LIMIT,
  DEFAULT_TENANT_LIMIT,
  newTenantSettings,
  parseTenantSettings,
  TenantSettingsError,
  tenantSettingsSchema,
  toProviderSettings,
} from '../../src/tenants/index.js';

const SALT = 'a-subject-salt-of-enough-length';

/** The issues of an invalid document, as `path` strings; fails when the document is valid. */
function invalidPaths(json: unknown): string[] {
  try {
    parseTenantSettings(json);
  } catch (error) {
    expect(error).toBeInstanceOf(TenantSettingsError);
    expect((error as TenantSettingsError).code).toBe('tenant_settings.invalid');
    return (error as TenantSettingsError).issues.map((issue) => issue.path);
  }
  throw new Error('expected the document to be invalid');
}

describe('Tenant settings', () => {
  it('fills every default from a document holding only the subject salt', () => {
    expect(parseTenantSettings({ subjectSalt: SALT })).toEqual({
      protocol: {},
      subjectSalt: SALT,
      branding: {},
      loginLimits: {
        perAccount: DEFAULT_ACCOUNT_LIMIT,
        perAddress: DEFAULT_ADDRESS_LIMIT,
        perTenant: DEFAULT_TENANT_LIMIT,
      },
      defaultLocale: 'en',
    });
  });

  it('fills a partly given login limit from its defaults', () => {
    const settings = parseTenantSettings({
      subjectSalt: SALT,
      loginLimits: { perAccount: { maxFailures: 3 } },
    });
    expect(settings.loginLimits.perAccount).toEqual({
      maxFailures: 3,
      windowSeconds: DEFAULT_ACCOUNT_LIMIT.windowSeconds,
    });
    expect(settings.loginLimits.perTenant).toEqual(DEFAULT_TENANT_LIMIT);
  });

  it('requires a subject salt', () => {
    expect(invalidPaths({})).toEqual(['subjectSalt']);
    expect(invalidPaths({ subjectSalt: 'short' })).toEqual(['subjectSalt']);
  });

  it('names every invalid field by its path', () => {
    const paths = invalidPaths({
      subjectSalt: SALT,
      protocol: {
        lifetimes: { accessToken: 0, authorizationCode: 3600 },
        responseTypes: ['token'],
        signingAlgorithms: ['HS256'],
        grantTypes: [],
        pkce: { required: 'none' },
      },
      loginLimits: { perAddress: { windowSeconds: -1 } },
      defaultLocale: 'not a locale',
    });
    expect(paths.sort()).toEqual(
      [
        'defaultLocale',
        'loginLimits.perAddress.windowSeconds',
        'protocol.grantTypes',
        'protocol.lifetimes.accessToken',
        'protocol.lifetimes.authorizationCode',
        'protocol.pkce.required',
        'protocol.responseTypes.0',
        'protocol.signingAlgorithms.0',
      ].sort(),
    );
  });

  it('refuses a list that repeats an entry', () => {
    expect(
      invalidPaths({ subjectSalt: SALT, protocol: { subjectTypes: ['public', 'public'] } }),
    ).toEqual(['protocol.subjectTypes']);
  });

  it('refuses an extra scope whose name is not a scope token', () => {
    expect(
      invalidPaths({ subjectSalt: SALT, protocol: { extraScopes: { 'two words': ['x'] } } }),
    ).toEqual(['protocol.extraScopes.two words']);
  });

  it('refuses a document that is not an object', () => {
    expect(invalidPaths(null)).toEqual(['']);
    expect(invalidPaths('{"subjectSalt":"x"}')).toEqual(['']);
  });

  it('accepts https and inline image logos only', () => {
    const logo = (logoUrl: string) => ({ subjectSalt: SALT, branding: { logoUrl } });
    expect(parseTenantSettings(logo('https://cdn.example.com/logo.svg')).branding.logoUrl).toBe(
      'https://cdn.example.com/logo.svg',
    );
    expect(parseTenantSettings(logo('data:image/png;base64,iVBORw0KGgo=')).branding).toEqual({
      logoUrl: 'data:image/png;base64,iVBORw0KGgo=',
    });
    for (const bad of [
      'http://cdn.example.com/logo.png',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '/logo.png',
    ]) {
      expect(invalidPaths(logo(bad))).toEqual(['branding.logoUrl']);
    }
  });

  it('accepts #rrggbb colours only, so they can be written into CSS', () => {
    const colours = { primaryColor: '#1A2b3c', backgroundColor: '#ffffff' };
    expect(parseTenantSettings({ subjectSalt: SALT, branding: colours }).branding).toEqual(colours);
    for (const bad of ['red', '#fff', '#12345g', '#123456;background:url(x)', 'rgb(0,0,0)']) {
      expect(invalidPaths({ subjectSalt: SALT, branding: { primaryColor: bad } })).toEqual([
        'branding.primaryColor',
      ]);
    }
  });

  it('drops unknown fields, so an older release still reads a newer document', () => {
    const settings = parseTenantSettings({ subjectSalt: SALT, addedLater: { x: 1 } });
    expect(settings).not.toHaveProperty('addedLater');
  });

  it('passes only the overrides to the engine, which keeps its defaults for the rest', () => {
    const settings = parseTenantSettings({
      subjectSalt: SALT,
      protocol: {
        lifetimes: { accessToken: 600 },
        pkce: { required: 'all' },
        signingAlgorithms: ['RS256', 'EdDSA'],
        registration: 'off',
        extraScopes: { 'api:read': ['groups'] },
        idTokenOnRefresh: false,
      },
    });
    const input = toProviderSettings(settings);
    expect(input).toEqual({
      lifetimes: { accessToken: 600 },
      pkce: { required: 'all' },
      signingAlgorithms: ['RS256', 'EdDSA'],
      registration: 'off',
      extraScopes: { 'api:read': ['groups'] },
      idTokenOnRefresh: false,
    });
    const resolved = resolveSettings(input);
    expect(resolved.lifetimes).toEqual({ ...DEFAULT_SETTINGS.lifetimes, accessToken: 600 });
    expect(resolved.pkce).toEqual({ required: 'all', allowPlain: false });
    expect(resolved.grantTypes).toEqual(DEFAULT_SETTINGS.grantTypes);
  });

  it('gives a new tenant the engine defaults plus a 30-day refresh-token lifetime', () => {
    expect(resolveSettings(toProviderSettings(newTenantSettings()))).toEqual({
      ...DEFAULT_SETTINGS,
      lifetimes: { ...DEFAULT_SETTINGS.lifetimes, refreshToken: 30 * 24 * 3600 },
    });
  });

  it('gives every new tenant its own random subject salt', () => {
    const first = newTenantSettings();
    const second = newTenantSettings();
    expect(first.subjectSalt).not.toBe(second.subjectSalt);
    expect(first.subjectSalt).toMatch(/^[\w-]{43}$/);
    expect(newTenantSettings((length) => new Uint8Array(length)).subjectSalt).toBe('A'.repeat(43));
  });

  it('round-trips through JSON, as stored in the database', () => {
    const settings = newTenantSettings();
    expect(parseTenantSettings(JSON.parse(JSON.stringify(settings)))).toEqual(settings);
    expect(tenantSettingsSchema.safeParse(settings).success).toBe(true);
  });
});
