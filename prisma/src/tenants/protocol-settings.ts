/**
 * A tenant's overrides of `@tessera/core`'s protocol settings. Every field is optional: an absent
 * field keeps the engine's safe default (`DEFAULT_SETTINGS`), so a stored document only records
 * what an admin changed. The bounds keep a mistyped value from becoming a security problem
 * (a code that lives for a year) or an outage (a zero-second access token).
 */
import type {
  ClientAuthMethod,
  GrantType,
  ResponseType,
  SigningAlgorithm,
  SubjectType,
} from '@tessera/core';
import { z } from 'zod';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The engine's own cap (RFC 6749 4.1.2: codes must be short-lived); a stolen code stays useless. */
export const MAX_AUTHORIZATION_CODE_LIFETIME = 10 * MINUTE;
/** Bearer access and ID tokens cannot be revoked everywhere at once; a day bounds a leak. */
export const MAX_TOKEN_LIFETIME = DAY;
/** Refresh tokens, their renewal threshold and sessions: a year bounds a forgotten device. */
export const MAX_LONG_LIFETIME = 366 * DAY;
/** A paused authorization request holds a row; an hour is ample for a login form. */
export const MAX_INTERACTION_LIFETIME = HOUR;

/** Bounds list sizes so a settings document (loaded for every provider build) stays small. */
export const MAX_LIST_ENTRIES = 200;

/**
 * Every member of the union `T`, checked at compile time both ways: the core's vocabulary is
 * exported as types only, and a value added there must not silently be refused here.
 */
function allOf<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): L =>
    list;
}

export const RESPONSE_TYPE_VALUES = allOf<ResponseType>()([
  'code',
  'id_token',
  'id_token token',
  'code id_token',
  'code token',
  'code id_token token',
]);
export const GRANT_TYPE_VALUES = allOf<GrantType>()([
  'authorization_code',
  'implicit',
  'refresh_token',
  'client_credentials',
]);
export const CLIENT_AUTH_METHOD_VALUES = allOf<ClientAuthMethod>()([
  'client_secret_basic',
  'client_secret_post',
  'client_secret_jwt',
  'private_key_jwt',
  'none',
]);
export const SIGNING_ALGORITHM_VALUES = allOf<SigningAlgorithm>()(['RS256', 'ES256', 'EdDSA']);
export const SUBJECT_TYPE_VALUES = allOf<SubjectType>()(['public', 'pairwise']);

const seconds = (max: number) => z.int().positive().max(max);

/** A non-empty list without duplicates (a duplicate would be published twice in discovery). */
function setOf<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .min(1)
    .max(MAX_LIST_ENTRIES)
    .refine((list) => new Set(list).size === list.length, { error: 'must not repeat an entry' });
}

/** RFC 6749 3.3 scope-token: printable ASCII without space, `"` and `\`. */
const scopeToken = z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, { error: 'not a scope token' });
const claimName = z.string().min(1).max(100);

export const protocolSettingsSchema = z.object({
  lifetimes: z
    .object({
      authorizationCode: seconds(MAX_AUTHORIZATION_CODE_LIFETIME),
      accessToken: seconds(MAX_TOKEN_LIFETIME),
      idToken: seconds(MAX_TOKEN_LIFETIME),
      refreshToken: seconds(MAX_LONG_LIFETIME),
      refreshRenewalThreshold: seconds(MAX_LONG_LIFETIME),
      session: seconds(MAX_LONG_LIFETIME),
      interaction: seconds(MAX_INTERACTION_LIFETIME),
    })
    .partial()
    .optional(),
  responseTypes: setOf(z.enum(RESPONSE_TYPE_VALUES)).optional(),
  grantTypes: setOf(z.enum(GRANT_TYPE_VALUES)).optional(),
  tokenEndpointAuthMethods: setOf(z.enum(CLIENT_AUTH_METHOD_VALUES)).optional(),
  /** RS256 is always added by the engine (OIDC Core 15.1). */
  signingAlgorithms: setOf(z.enum(SIGNING_ALGORITHM_VALUES)).optional(),
  subjectTypes: setOf(z.enum(SUBJECT_TYPE_VALUES)).optional(),
  pkce: z
    .object({ required: z.enum(['public', 'all']), allowPlain: z.boolean() })
    .partial()
    .optional(),
  registration: z.enum(['open', 'initial_access_token', 'off']).optional(),
  /** Scope name -> the claims it releases; added to (and overriding) the standard scopes. */
  extraScopes: z
    .record(scopeToken, z.array(claimName).max(MAX_LIST_ENTRIES))
    .refine((scopes) => Object.keys(scopes).length <= MAX_LIST_ENTRIES, {
      error: `at most ${MAX_LIST_ENTRIES} scopes`,
    })
    .optional(),
  claimsSupported: z.array(claimName).max(MAX_LIST_ENTRIES).optional(),
  refreshTokensRequireOfflineAccess: z.boolean().optional(),
  idTokenOnRefresh: z.boolean().optional(),
});

export type ProtocolSettings = z.infer<typeof protocolSettingsSchema>;
