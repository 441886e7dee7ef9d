import type { SigningAlgorithm } from '../types.js';

export const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = ['RS256', 'ES256', 'EdDSA'];

export function isSigningAlgorithm(value: unknown): value is SigningAlgorithm {
  return typeof value === 'string' && (SIGNING_ALGORITHMS as readonly string[]).includes(value);
}

/**
 * The hash behind `at_hash` / `c_hash` (OIDC Core 3.1.3.6): the one of the ID token's JWS
 * algorithm. For EdDSA with Ed25519 that is SHA-512, as the OpenID Foundation's errata and
 * certified implementations do.
 */
export function hashAlgorithmFor(alg: SigningAlgorithm): 'sha256' | 'sha512' {
  return alg === 'EdDSA' ? 'sha512' : 'sha256';
}
