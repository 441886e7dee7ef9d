/**
 * ID tokens (OIDC Core 2, 3.1.3.6, 3.3.2.11). Protocol claims always win over user and extra
 * claims of the same name: pyOP crashed on such a collision, a provider must not be steerable
 * into signing a different `iss`, `sub` or `aud`.
 */
import { createHash } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { hashAlgorithmFor } from '../keys/algorithms.js';
import type { KeySet } from '../keys/key-set.js';
import type { SigningAlgorithm } from '../types.js';

/** Claims a caller-supplied claim set may never replace. */
export const PROTECTED_ID_TOKEN_CLAIMS = new Set([
  'iss',
  'sub',
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
  'sid',
  'at_hash',
  'c_hash',
  's_hash',
]);

/** Left half of the hash of `value`, base64url (OIDC Core 3.1.3.6 `at_hash`, 3.3.2.11 `c_hash`). */
export function leftHalfHash(value: string, alg: SigningAlgorithm): string {
  const digest = createHash(hashAlgorithmFor(alg)).update(value, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

export interface IdTokenInput {
  issuer: string;
  clientId: string;
  sub: string;
  now: number;
  lifetime: number;
  alg: SigningAlgorithm;
  authTime?: number;
  nonce?: string;
  acr?: string;
  amr?: string[];
  sid?: string;
  accessToken?: string;
  code?: string;
  state?: string;
  /** User claims, already selected for this token. */
  claims?: Record<string, unknown>;
  /** Host-supplied claims (pyOP `extra_id_token_claims`). */
  extraClaims?: Record<string, unknown>;
}

export function idTokenPayload(input: IdTokenInput): JWTPayload {
  const payload: JWTPayload = {};
  for (const source of [input.claims, input.extraClaims]) {
    for (const [name, value] of Object.entries(source ?? {})) {
      if (!PROTECTED_ID_TOKEN_CLAIMS.has(name)) payload[name] = value;
    }
  }
  return {
    iss: input.issuer,
    sub: input.sub,
    aud: input.clientId,
    exp: input.now + input.lifetime,
    iat: input.now,
    ...(input.authTime !== undefined && { auth_time: input.authTime }),
    ...(input.nonce !== undefined && { nonce: input.nonce }),
    ...(input.acr !== undefined && { acr: input.acr }),
    ...(input.amr !== undefined && { amr: input.amr }),
    ...(input.sid !== undefined && { sid: input.sid }),
    ...(input.accessToken !== undefined && { at_hash: leftHalfHash(input.accessToken, input.alg) }),
    ...(input.code !== undefined && { c_hash: leftHalfHash(input.code, input.alg) }),
    ...payload,
  };
}

export function signIdToken(keys: KeySet, input: IdTokenInput): Promise<string> {
  return keys.sign(idTokenPayload(input), input.alg);
}
