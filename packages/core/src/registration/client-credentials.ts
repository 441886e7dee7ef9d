/**
 * Credentials the server issues (RFC 7591 3.2.1, RFC 7592 3): a client id, a secret only for
 * the methods that authenticate with one (pyOP defect 12: a `none` client got a secret it could
 * never use), and the registration access token. Only hashes are stored, except the clear
 * secret `client_secret_jwt` needs as its HMAC key.
 */
import { hashToken } from '../tokens/hash.js';
import { randomToken } from '../tokens/random.js';
import type { ClientAuthMethod, ClientRecord, RandomSource } from '../types.js';

/** Methods that prove possession of a key rather than of a shared secret, or nothing at all. */
const SECRETLESS_METHODS: readonly ClientAuthMethod[] = ['none', 'private_key_jwt'];

export function usesClientSecret(method: ClientAuthMethod): boolean {
  return !SECRETLESS_METHODS.includes(method);
}

/** The secret-related fields of a client record for `secret` under `method`. */
export function secretFields(
  method: ClientAuthMethod,
  secret: string,
): Pick<ClientRecord, 'clientSecretHash' | 'clientSecret'> {
  return {
    clientSecretHash: hashToken(secret),
    ...(method === 'client_secret_jwt' && { clientSecret: secret }),
  };
}

/** A new client secret (256 random bits), or undefined when the method needs none. */
export function issueClientSecret(
  method: ClientAuthMethod,
  random: RandomSource,
): string | undefined {
  return usesClientSecret(method) ? randomToken(random) : undefined;
}

/** A new registration access token and the hash to store (RFC 7592 3). */
export function issueRegistrationAccessToken(random: RandomSource): {
  token: string;
  hash: string;
} {
  const token = randomToken(random);
  return { token, hash: hashToken(token) };
}
