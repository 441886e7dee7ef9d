/**
 * Record builders for the browser-side records: sessions, interactions, consents, plus keys
 * (conventions as in builders.ts: every optional field filled, random ids, `overrides` win).
 */
import type {
  ConsentRecord,
  InteractionRecord,
  KeyRecord,
  SessionRecord,
} from '../storage/ports.js';
import { SAMPLE_NOW } from './builders.js';
import { randomId } from './context.js';

/** A browser session with acr, amr and two clients. */
export function sampleSession(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: randomId('session'),
    tokenHash: randomId('cookie-hash'),
    userId: randomId('user'),
    authTime: SAMPLE_NOW - 60,
    acr: 'urn:acr:mfa',
    amr: ['pwd', 'hwk'],
    clientIds: [randomId('client'), randomId('client')],
    createdAt: SAMPLE_NOW - 60,
    expiresAt: SAMPLE_NOW + 86_400,
    ...overrides,
  };
}

/** A consent interaction whose login already completed. */
export function sampleInteraction(overrides: Partial<InteractionRecord> = {}): InteractionRecord {
  return {
    id: randomId('interaction'),
    bindingHash: randomId('binding-hash'),
    clientId: randomId('client'),
    params: {
      response_type: 'code',
      scope: 'openid email',
      redirect_uri: 'https://rp.example.com/cb',
      state: 'xyz',
      claims: '{"userinfo":{"email":null}}',
    },
    prompt: 'consent',
    login: {
      userId: randomId('user'),
      authTime: SAMPLE_NOW - 5,
      acr: 'urn:acr:pwd',
      amr: ['pwd'],
      sid: randomId('sid'),
    },
    createdAt: SAMPLE_NOW,
    expiresAt: SAMPLE_NOW + 600,
    ...overrides,
  };
}

/** A user's consent for one client. */
export function sampleConsent(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    userId: randomId('user'),
    clientId: randomId('client'),
    scopes: ['openid', 'email'],
    claims: ['email', 'email_verified'],
    grantedAt: SAMPLE_NOW,
    ...overrides,
  };
}

// A real P-256 pair, so adapters that encrypt or validate JWKs at rest can process it.
const SAMPLE_PUBLIC_JWK = {
  kty: 'EC',
  crv: 'P-256',
  x: 'i_SwHNwl_2BUiDf9cnHAOkveKgmj9xaHKovQF6N4fMA',
  y: 'lNZLxiyuH26JniTD6w_j4tWn300hFG9ujDrWa4YGzBM',
};

/** A retired ES256 signing key (every timestamp set) with its private and public JWK. */
export function sampleKey(overrides: Partial<KeyRecord> = {}): KeyRecord {
  const kid = overrides.kid ?? randomId('kid');
  return {
    kid,
    alg: 'ES256',
    state: 'retired',
    privateJwk: { ...SAMPLE_PUBLIC_JWK, d: 'YBnfFP44CQkdKoFMFGun-AFWjVnDB3pcgm1r9aycpyA', kid },
    publicJwk: { ...SAMPLE_PUBLIC_JWK, kid, alg: 'ES256', use: 'sig' },
    createdAt: SAMPLE_NOW - 100,
    activatedAt: SAMPLE_NOW - 50,
    retiredAt: SAMPLE_NOW + 1000,
    ...overrides,
  };
}
