/**
 * What a tenant may define: claim names that cannot be mistaken for the protocol's own token
 * claims, scope names that are RFC 6749 scope tokens, and scopes that release only claims the
 * tenant defined or OpenID Connect standardised.
 */
import { STANDARD_SCOPE_CLAIMS } from '@tessera/core';
import { z } from 'zod';

/** Definitions are merged into every provider build of the tenant; 200 keeps that cheap. */
export const MAX_CLAIM_DEFINITIONS = 200;
export const MAX_SCOPE_DEFINITIONS = 200;
/** Claims one scope may release. */
export const MAX_SCOPE_CLAIMS = 100;

export const CLAIM_TYPES = ['string', 'boolean', 'number', 'object', 'array'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/**
 * Claims the OP sets itself in ID tokens, logout tokens and introspection responses (OIDC Core
 * 2, RFC 7519 4.1, RFC 7662 2.2); a user claim of the same name would be dropped or, worse,
 * mistaken for the OP's.
 */
export const PROTOCOL_CLAIMS: ReadonlySet<string> = new Set([
  'sub',
  'iss',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'auth_time',
  'nonce',
  'acr',
  'amr',
  'azp',
  'at_hash',
  'c_hash',
  's_hash',
  'sid',
  'events',
  'cnf',
  'typ',
  'client_id',
  'scope',
  'token_type',
  'active',
  '_claim_names',
  '_claim_sources',
]);

/** OIDC Core 5.1: the claims the standard scopes release; a scope may list them undefined. */
export const STANDARD_CLAIMS: ReadonlySet<string> = new Set(
  Object.values(STANDARD_SCOPE_CLAIMS)
    .flat()
    .filter((claim) => !PROTOCOL_CLAIMS.has(claim)),
);

/**
 * Scopes whose meaning the protocol fixes: `openid` makes a request an OpenID one and
 * `offline_access` asks for refresh tokens (OIDC Core 11); neither may release other claims.
 */
export const RESERVED_SCOPES: ReadonlySet<string> = new Set(['openid', 'offline_access']);

export const claimNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/, {
    error: 'must be 1 to 64 letters, digits, or any of _ . : -',
  })
  .refine((name) => !PROTOCOL_CLAIMS.has(name), {
    error: 'is a protocol claim the OP sets itself',
  });

/** RFC 6749 3.3 scope-token: printable ASCII except space, `"` and `\`. */
export const scopeNameSchema = z
  .string()
  .regex(/^[\x21\x23-\x5b\x5d-\x7e]{1,64}$/, {
    error: 'must be 1 to 64 printable ASCII characters without space, " or \\',
  })
  .refine((name) => !RESERVED_SCOPES.has(name), {
    error: 'is defined by OpenID Connect and may not be redefined',
  });

export const descriptionSchema = z
  .string()
  .trim()
  .max(500, { error: 'must be at most 500 characters' })
  .nullish()
  .transform((value) => value || null);
