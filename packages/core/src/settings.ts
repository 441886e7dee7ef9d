/**
 * A tenant's protocol policy. Every default is chosen to be safe; `resolveSettings` fills the
 * gaps so the rest of the engine reads one complete object.
 */
import type {
  ClientAuthMethod,
  GrantType,
  ResponseMode,
  ResponseType,
  SigningAlgorithm,
  SubjectType,
} from './types.js';
import { RESPONSE_TYPES } from './types.js';

export interface Lifetimes {
  /** Authorization codes: 10 minutes at most (RFC 6749 4.1.2 recommends short). */
  authorizationCode: number;
  accessToken: number;
  idToken: number;
  /** Refresh tokens are only issued when a lifetime is set (pyOP); 0 means "no expiry". */
  refreshToken: number | undefined;
  /**
   * When a rotated refresh token has less than this many seconds left it gets a full new
   * lifetime; otherwise the successor keeps the original expiry (pyOP's renewal threshold).
   */
  refreshRenewalThreshold: number | undefined;
  /** How long a paused authorization request waits for login or consent. */
  interaction: number;
  /** How long an end-user session at the OP lasts. */
  session: number;
}

export type RegistrationPolicy = 'open' | 'initial_access_token' | 'off';

export interface ProviderSettings {
  lifetimes: Lifetimes;
  responseTypes: ResponseType[];
  responseModes: ResponseMode[];
  grantTypes: GrantType[];
  tokenEndpointAuthMethods: ClientAuthMethod[];
  /** Algorithms with an active key; RS256 is always included (OIDC Core 15.1). */
  signingAlgorithms: SigningAlgorithm[];
  subjectTypes: SubjectType[];
  pkce: {
    /** `public`: required for clients without a secret; `all`: required for every code flow. */
    required: 'public' | 'all';
    allowPlain: boolean;
  };
  /** Refresh tokens need `offline_access` in the granted scope (OIDC Core 11). */
  refreshTokensRequireOfflineAccess: boolean;
  /** Return a fresh ID token from the refresh grant (OIDC Core 12.2). */
  idTokenOnRefresh: boolean;
  registration: RegistrationPolicy;
  /** Scope name -> claims, added to (and overriding) the standard OIDC scopes. */
  extraScopes: Record<string, string[]>;
  /** Claims this tenant can return, for `claims_supported`. */
  claimsSupported: string[];
  acrValuesSupported: string[];
  /** Registered `private_key_jwt` / `client_secret_jwt` assertions live at most this long. */
  clientAssertionMaxAge: number;
  /** Allowed clock difference when checking `iat`/`exp` of incoming JWTs. */
  clockTolerance: number;
  /** Back-channel logout attempts per client before giving up. */
  backchannelLogoutAttempts: number;
  /**
   * Milliseconds before the first back-channel logout retry; each further retry waits twice as
   * long, so a briefly unavailable RP is not hammered. Tests set 0 so they never wait.
   */
  backchannelLogoutRetryDelay: number;
}

export const DEFAULT_SETTINGS: ProviderSettings = {
  lifetimes: {
    authorizationCode: 600,
    accessToken: 3600,
    idToken: 3600,
    refreshToken: undefined,
    refreshRenewalThreshold: undefined,
    interaction: 600,
    session: 14 * 24 * 3600,
  },
  responseTypes: [...RESPONSE_TYPES],
  responseModes: ['query', 'fragment', 'form_post'],
  grantTypes: ['authorization_code', 'implicit', 'refresh_token', 'client_credentials'],
  tokenEndpointAuthMethods: [
    'client_secret_basic',
    'client_secret_post',
    'client_secret_jwt',
    'private_key_jwt',
    'none',
  ],
  signingAlgorithms: ['RS256'],
  subjectTypes: ['public', 'pairwise'],
  pkce: { required: 'public', allowPlain: false },
  refreshTokensRequireOfflineAccess: false,
  idTokenOnRefresh: true,
  registration: 'open',
  extraScopes: {},
  claimsSupported: [],
  acrValuesSupported: [],
  clientAssertionMaxAge: 300,
  clockTolerance: 30,
  backchannelLogoutAttempts: 3,
  backchannelLogoutRetryDelay: 1000,
};

export type SettingsInput = Partial<Omit<ProviderSettings, 'lifetimes' | 'pkce'>> & {
  lifetimes?: Partial<Lifetimes>;
  pkce?: Partial<ProviderSettings['pkce']>;
};

export function resolveSettings(input: SettingsInput = {}): ProviderSettings {
  return {
    ...DEFAULT_SETTINGS,
    ...input,
    lifetimes: { ...DEFAULT_SETTINGS.lifetimes, ...input.lifetimes },
    pkce: { ...DEFAULT_SETTINGS.pkce, ...input.pkce },
  };
}
