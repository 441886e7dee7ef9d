/**
 * The client's own keys (OIDC Registration 2 `jwks` / `jwks_uri`, RFC 7591 2): one source only,
 * public keys only. A private member in a registered JWK means the client leaked its key to us.
 */
import { invalidMetadata } from './invalid-metadata.js';

/** RFC 7518 6.2.2, 6.3.2 and 6.4.1: members that only private or symmetric keys carry. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validateJwks(metadata: Record<string, unknown>): void {
  const { jwks, jwks_uri: jwksUri } = metadata;
  if (jwks !== undefined && jwksUri !== undefined) {
    throw invalidMetadata('jwks', 'must not be used together with jwks_uri (RFC 7591 2)');
  }
  if (typeof jwksUri === 'string' && new URL(jwksUri).protocol !== 'https:') {
    throw invalidMetadata('jwks_uri', 'must use https');
  }
  if (jwks === undefined) return;
  if (!isObject(jwks) || !Array.isArray(jwks.keys)) {
    throw invalidMetadata('jwks', "must be a JWK Set: an object with a 'keys' array");
  }
  for (const key of jwks.keys) {
    if (!isObject(key) || typeof key.kty !== 'string') {
      throw invalidMetadata('jwks', "entries must be JWKs with a 'kty'");
    }
    if (PRIVATE_MEMBERS.some((member) => member in key)) {
      throw invalidMetadata('jwks', 'must contain public keys only');
    }
  }
}
