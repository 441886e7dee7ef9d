/**
 * Shared protocol vocabulary. Metadata keeps the registration specs' snake_case names so a
 * client record reads exactly like the JSON of RFC 7591 / OpenID Connect Dynamic Registration.
 */

/** Seconds since the epoch; the engine never reads the wall clock itself. */
export type Clock = () => number;

/** Fills `length` random bytes; injected so tests and benchmarks can be deterministic. */
export type RandomSource = (length: number) => Uint8Array;

export type SigningAlgorithm = 'RS256' | 'ES256' | 'EdDSA';

/** The OpenID Connect response types (OIDC Core 3, Multiple Response Types 3), in canonical word order. */
export const RESPONSE_TYPES = [
  'code',
  'id_token',
  'id_token token',
  'code id_token',
  'code token',
  'code id_token token',
] as const;

export type ResponseType = (typeof RESPONSE_TYPES)[number];

export type ResponseMode = 'query' | 'fragment' | 'form_post';

export type GrantType = 'authorization_code' | 'implicit' | 'refresh_token' | 'client_credentials';

export type ClientAuthMethod =
  | 'client_secret_basic'
  | 'client_secret_post'
  | 'client_secret_jwt'
  | 'private_key_jwt'
  | 'none';

export type SubjectType = 'public' | 'pairwise';

export type ApplicationType = 'web' | 'native';

/** Registered client metadata (RFC 7591 2, OIDC Registration 2), secrets excluded. */
export interface ClientMetadata {
  redirect_uris: string[];
  response_types: string[];
  grant_types: string[];
  application_type: ApplicationType;
  token_endpoint_auth_method: ClientAuthMethod;
  token_endpoint_auth_signing_alg?: string;
  id_token_signed_response_alg: SigningAlgorithm;
  subject_type?: SubjectType;
  sector_identifier_uri?: string;
  client_name?: string;
  client_uri?: string;
  logo_uri?: string;
  policy_uri?: string;
  tos_uri?: string;
  contacts?: string[];
  scope?: string;
  jwks?: { keys: Record<string, unknown>[] };
  jwks_uri?: string;
  default_max_age?: number;
  require_auth_time?: boolean;
  default_acr_values?: string[];
  post_logout_redirect_uris?: string[];
  backchannel_logout_uri?: string;
  backchannel_logout_session_required?: boolean;
  software_id?: string;
  software_version?: string;
  /** Unknown metadata is kept and echoed, as RFC 7591 2 allows. */
  [extension: string]: unknown;
}

/** A client as the engine sees it. Adapters store secrets as hashes or encrypted. */
export interface ClientRecord {
  clientId: string;
  metadata: ClientMetadata;
  /** base64url SHA-256 of the client secret; absent for public and key-authenticated clients. */
  clientSecretHash?: string;
  /** The secret in clear, kept only when `client_secret_jwt` needs it as an HMAC key. */
  clientSecret?: string;
  /** base64url SHA-256 of the RFC 7592 registration access token. */
  registrationAccessTokenHash?: string;
  issuedAt: number;
  /** 0 means the secret never expires (RFC 7591 3.2.1). */
  secretExpiresAt: number;
}

export interface UserRecord {
  id: string;
  /** OpenID Connect standard claims and tenant-defined claims. A `sub` here overrides the computed one. */
  claims: Record<string, unknown>;
  disabled?: boolean;
}

/** One entry of the `claims` request parameter (OIDC Core 5.5.1). */
export interface ClaimRequest {
  essential?: boolean;
  value?: unknown;
  values?: unknown[];
}

export interface ClaimsRequest {
  userinfo?: Record<string, ClaimRequest | null>;
  id_token?: Record<string, ClaimRequest | null>;
}

/** How the end user was authenticated, as carried into ID tokens (OIDC Core 2). */
export interface Authentication {
  userId: string;
  /** Epoch seconds of the authentication event. */
  authTime: number;
  acr?: string;
  amr?: string[];
  /** Session id (`sid`) for logout; absent for authorizations outside a browser session. */
  sid?: string;
}

/** Extra ID-token claims, or a function of (userId, clientId) giving them (pyOP compatible). */
export type ExtraClaims =
  | Record<string, unknown>
  | ((
      userId: string,
      clientId: string,
    ) => Record<string, unknown> | Promise<Record<string, unknown>>);
