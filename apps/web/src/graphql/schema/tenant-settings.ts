/**
 * The typed face of a tenant's settings document (prisma/src/tenants): `TenantSettings` shows the
 * values in force, `TenantSettingsInput` is a partial document for `updateTenantSettings`.
 * Protocol vocabularies (response types, grant types, ...) are strings spelled as on the wire
 * (`code id_token` is no GraphQL enum name); the service validates them.
 */
import type { LoginLimit, LoginLimits } from '@tessera/db';
import type { ProtocolSettingsView, TenantSettingsView } from '../../server/tenants/settings-view';
import { builder } from '../builder';

const RegistrationPolicy = builder.enumType('RegistrationPolicy', {
  description: 'Who may register clients at the registration endpoint (RFC 7591).',
  values: {
    open: { description: 'Anyone.' },
    initial_access_token: { description: 'Callers presenting an initial access token.' },
    off: { description: 'Nobody: clients are created through this API only.' },
  } as const,
});

const PkceRequirement = builder.enumType('PkceRequirement', {
  values: {
    public: { description: 'Required of clients without a secret.' },
    all: { description: 'Required of every authorization code flow.' },
  } as const,
});

const LifetimesRef = builder.objectRef<ProtocolSettingsView['lifetimes']>('Lifetimes').implement({
  description: 'Lifetimes in seconds.',
  fields: (t) => ({
    authorizationCode: t.exposeInt('authorizationCode'),
    accessToken: t.exposeInt('accessToken'),
    idToken: t.exposeInt('idToken'),
    refreshToken: t.int({
      nullable: true,
      description: 'Null: no refresh tokens are issued.',
      resolve: (l) => l.refreshToken ?? null,
    }),
    refreshRenewalThreshold: t.int({
      nullable: true,
      description:
        'A rotated refresh token with less than this left gets a full new lifetime; null: never.',
      resolve: (l) => l.refreshRenewalThreshold ?? null,
    }),
    session: t.exposeInt('session', { description: 'End-user sessions at the OP.' }),
    interaction: t.exposeInt('interaction', { description: 'A paused login or consent.' }),
  }),
});

const PkcePolicyRef = builder.objectRef<ProtocolSettingsView['pkce']>('PkcePolicy').implement({
  fields: (t) => ({
    required: t.field({ type: PkceRequirement, resolve: (p) => p.required }),
    allowPlain: t.exposeBoolean('allowPlain'),
  }),
});

const ScopeClaimsRef = builder
  .objectRef<{ scope: string; claims: string[] }>('ScopeClaimsMapping')
  .implement({
    fields: (t) => ({ scope: t.exposeString('scope'), claims: t.exposeStringList('claims') }),
  });

const ProtocolSettingsRef = builder.objectRef<ProtocolSettingsView>('ProtocolSettings').implement({
  fields: (t) => ({
    lifetimes: t.field({ type: LifetimesRef, resolve: (p) => p.lifetimes }),
    responseTypes: t.exposeStringList('responseTypes'),
    grantTypes: t.exposeStringList('grantTypes'),
    tokenEndpointAuthMethods: t.exposeStringList('tokenEndpointAuthMethods'),
    signingAlgorithms: t.exposeStringList('signingAlgorithms'),
    subjectTypes: t.exposeStringList('subjectTypes'),
    pkce: t.field({ type: PkcePolicyRef, resolve: (p) => p.pkce }),
    registration: t.field({ type: RegistrationPolicy, resolve: (p) => p.registration }),
    refreshTokensRequireOfflineAccess: t.exposeBoolean('refreshTokensRequireOfflineAccess'),
    idTokenOnRefresh: t.exposeBoolean('idTokenOnRefresh'),
    extraScopes: t.field({
      type: [ScopeClaimsRef],
      description: 'Scopes beyond the standard ones and the claims they release.',
      resolve: (p) => Object.entries(p.extraScopes).map(([scope, claims]) => ({ scope, claims })),
    }),
    claimsSupported: t.exposeStringList('claimsSupported'),
  }),
});

const BrandingRef = builder.objectRef<TenantSettingsView['branding']>('Branding').implement({
  fields: (t) => ({
    logoUrl: t.exposeString('logoUrl', { nullable: true }),
    primaryColor: t.exposeString('primaryColor', { nullable: true }),
    backgroundColor: t.exposeString('backgroundColor', { nullable: true }),
    displayName: t.exposeString('displayName', { nullable: true }),
  }),
});

const LoginLimitRef = builder.objectRef<LoginLimit>('LoginLimit').implement({
  description: 'At most `maxFailures` failed logins within any `windowSeconds`.',
  fields: (t) => ({
    maxFailures: t.exposeInt('maxFailures'),
    windowSeconds: t.exposeInt('windowSeconds'),
  }),
});

const LoginLimitsRef = builder.objectRef<LoginLimits>('LoginLimits').implement({
  fields: (t) => ({
    perAccount: t.field({ type: LoginLimitRef, resolve: (l) => l.perAccount }),
    perAddress: t.field({ type: LoginLimitRef, resolve: (l) => l.perAddress }),
    perTenant: t.field({ type: LoginLimitRef, resolve: (l) => l.perTenant }),
  }),
});

export const TenantSettingsRef = builder.objectRef<TenantSettingsView>('TenantSettings').implement({
  description: "The settings in force: the tenant's overrides over the engine's defaults.",
  fields: (t) => ({
    protocol: t.field({ type: ProtocolSettingsRef, resolve: (s) => s.protocol }),
    branding: t.field({ type: BrandingRef, resolve: (s) => s.branding }),
    loginLimits: t.field({ type: LoginLimitsRef, resolve: (s) => s.loginLimits }),
    defaultLocale: t.exposeString('defaultLocale'),
  }),
});

// Inputs: every field optional (omitted: unchanged); an explicit null restores the default.

const LifetimesInput = builder.inputType('LifetimesInput', {
  description: 'Seconds. Bounds: code 600, access and ID token 1 day, others 366 days.',
  fields: (t) => ({
    authorizationCode: t.int(),
    accessToken: t.int(),
    idToken: t.int(),
    refreshToken: t.int(),
    refreshRenewalThreshold: t.int(),
    session: t.int(),
    interaction: t.int(),
  }),
});

const PkcePolicyInput = builder.inputType('PkcePolicyInput', {
  fields: (t) => ({
    required: t.field({ type: PkceRequirement }),
    allowPlain: t.boolean(),
  }),
});

const ProtocolSettingsInput = builder.inputType('ProtocolSettingsInput', {
  fields: (t) => ({
    lifetimes: t.field({ type: LifetimesInput }),
    responseTypes: t.stringList({
      description:
        'Of code, id_token, id_token token, code id_token, code token, code id_token token.',
    }),
    grantTypes: t.stringList({
      description: 'Of authorization_code, implicit, refresh_token, client_credentials.',
    }),
    tokenEndpointAuthMethods: t.stringList({
      description:
        'Of client_secret_basic, client_secret_post, client_secret_jwt, private_key_jwt, none.',
    }),
    signingAlgorithms: t.stringList({ description: 'Of RS256 (always on), ES256, EdDSA.' }),
    subjectTypes: t.stringList({ description: 'Of public, pairwise.' }),
    pkce: t.field({ type: PkcePolicyInput }),
    registration: t.field({ type: RegistrationPolicy }),
    refreshTokensRequireOfflineAccess: t.boolean(),
    idTokenOnRefresh: t.boolean(),
  }),
});

const BrandingInput = builder.inputType('BrandingInput', {
  fields: (t) => ({
    logoUrl: t.string({ description: 'An https: URL or a data:image/ URL (64 KiB at most).' }),
    primaryColor: t.string({ description: '#rrggbb' }),
    backgroundColor: t.string({ description: '#rrggbb' }),
    displayName: t.string({ description: "Shown instead of the tenant's name on its pages." }),
  }),
});

const LoginLimitInput = builder.inputType('LoginLimitInput', {
  fields: (t) => ({ maxFailures: t.int(), windowSeconds: t.int() }),
});

const LoginLimitsInput = builder.inputType('LoginLimitsInput', {
  fields: (t) => ({
    perAccount: t.field({ type: LoginLimitInput }),
    perAddress: t.field({ type: LoginLimitInput }),
    perTenant: t.field({ type: LoginLimitInput }),
  }),
});

export const TenantSettingsInput = builder.inputType('TenantSettingsInput', {
  description:
    'A partial settings document, merged into the stored one: omitted fields stay, null restores ' +
    "a field's default, lists replace. The subject salt cannot be changed.",
  fields: (t) => ({
    protocol: t.field({ type: ProtocolSettingsInput }),
    branding: t.field({ type: BrandingInput }),
    loginLimits: t.field({ type: LoginLimitsInput }),
    defaultLocale: t.string({ description: 'A BCP 47 language tag such as en or de.' }),
  }),
});
