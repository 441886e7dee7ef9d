/**
 * Record builders for adapter tests (clients, users, grants, codes, tokens; browser-side
 * records are in builders-browser.ts). Every builder fills in every optional field, with nested
 * objects and arrays, so a round trip through `sampleX()` proves that nothing is dropped;
 * `overrides` replace fields (pass shared ids there). Ids and hashes are random by default.
 */
import type {
  AccessTokenRecord,
  AuthorizationCodeRecord,
  GrantRecord,
  RefreshTokenRecord,
} from '../storage/ports.js';
import type { ClientRecord, UserRecord } from '../types.js';
import { randomId } from './context.js';

/** The time every sample is issued at (pyOP's MOCK_TIME, 2016-06-21 00:00:00 UTC). */
export const SAMPLE_NOW = 1_466_467_200;

/** A confidential web client with rich metadata, extension fields and an inline JWKS. */
export function sampleClient(overrides: Partial<ClientRecord> = {}): ClientRecord {
  return {
    clientId: randomId('client'),
    metadata: {
      redirect_uris: ['https://rp.example.com/cb', 'https://rp.example.com/cb2'],
      response_types: ['code', 'code id_token'],
      grant_types: ['authorization_code', 'refresh_token'],
      application_type: 'web',
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
      subject_type: 'pairwise',
      client_name: 'Sample RP',
      contacts: ['ops@rp.example.com'],
      default_max_age: 3600,
      require_auth_time: true,
      post_logout_redirect_uris: ['https://rp.example.com/bye'],
      jwks: { keys: [{ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'BBBB', kid: 'rp-1' }] },
      // RFC 7591 2: unknown metadata is kept, nested values included.
      'x-tenant-extension': { tier: 'gold', flags: [1, 2, 3] },
    },
    clientSecretHash: randomId('secret-hash'),
    clientSecret: 'sample-secret-for-client-secret-jwt',
    registrationAccessTokenHash: randomId('rat-hash'),
    issuedAt: SAMPLE_NOW,
    secretExpiresAt: 0,
    ...overrides,
  };
}

/** A user with nested standard claims. */
export function sampleUser(overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id: randomId('user'),
    claims: {
      email: 'alice@example.com',
      email_verified: true,
      address: { street_address: '1 Main St', country: 'SE' },
      groups: ['admins', 'staff'],
    },
    ...overrides,
  };
}

/** A grant with claims request, amr, session id and extra ID-token claims. */
export function sampleGrant(overrides: Partial<GrantRecord> = {}): GrantRecord {
  return {
    id: randomId('grant'),
    clientId: randomId('client'),
    userId: randomId('user'),
    sub: randomId('sub'),
    scope: 'openid profile email offline_access',
    claims: {
      userinfo: { email: { essential: true }, nickname: null },
      id_token: { acr: { values: ['urn:acr:mfa', 'urn:acr:pwd'] }, auth_time: { essential: true } },
    },
    authTime: SAMPLE_NOW - 60,
    acr: 'urn:acr:mfa',
    amr: ['pwd', 'otp'],
    sid: randomId('sid'),
    nonce: 'n-0S6_WzA2Mj',
    extraIdTokenClaims: { tenant: 'acme', roles: ['a', 'b'] },
    issuedAt: SAMPLE_NOW,
    expiresAt: SAMPLE_NOW + 86_400,
    ...overrides,
  };
}

/** An unconsumed authorization code with PKCE. */
export function sampleCode(
  overrides: Partial<AuthorizationCodeRecord> = {},
): AuthorizationCodeRecord {
  return {
    hash: randomId('code-hash'),
    grantId: randomId('grant'),
    clientId: randomId('client'),
    redirectUri: 'https://rp.example.com/cb',
    codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    codeChallengeMethod: 'S256',
    issuedAt: SAMPLE_NOW,
    expiresAt: SAMPLE_NOW + 60,
    ...overrides,
  };
}

/** An access token of a user grant, with a userinfo claims request. */
export function sampleAccessToken(overrides: Partial<AccessTokenRecord> = {}): AccessTokenRecord {
  return {
    hash: randomId('at-hash'),
    grantId: randomId('grant'),
    clientId: randomId('client'),
    userId: randomId('user'),
    sub: randomId('sub'),
    scope: 'openid email',
    claims: { email: { essential: true }, picture: null },
    issuedAt: SAMPLE_NOW,
    expiresAt: SAMPLE_NOW + 3600,
    ...overrides,
  };
}

/** An unconsumed refresh token with an expiry. */
export function sampleRefreshToken(
  overrides: Partial<RefreshTokenRecord> = {},
): RefreshTokenRecord {
  return {
    hash: randomId('rt-hash'),
    grantId: randomId('grant'),
    clientId: randomId('client'),
    scope: 'openid offline_access',
    issuedAt: SAMPLE_NOW,
    expiresAt: SAMPLE_NOW + 2_592_000,
    ...overrides,
  };
}
