/**
 * Token endpoint authentication (OIDC Registration 2, OIDC Core 9): the method must be one the
 * tenant offers, and its signing algorithm must fit it (HMAC for `client_secret_jwt`, a public
 * key algorithm for `private_key_jwt`, never `none`). `private_key_jwt` needs keys to verify with.
 */
import { CLIENT_ASSERTION_ALGS } from '../endpoints/discovery.js';
import type { ProviderSettings } from '../settings.js';
import { invalidMetadata } from './invalid-metadata.js';

export function validateAuthMethod(
  metadata: Record<string, unknown>,
  settings: ProviderSettings,
): void {
  const method = metadata.token_endpoint_auth_method as string;
  if (!(settings.tokenEndpointAuthMethods as string[]).includes(method)) {
    throw invalidMetadata('token_endpoint_auth_method', `value '${method}' is not supported`);
  }
  const alg = metadata.token_endpoint_auth_signing_alg;
  if (typeof alg === 'string') {
    if (!CLIENT_ASSERTION_ALGS.includes(alg)) {
      throw invalidMetadata('token_endpoint_auth_signing_alg', `value '${alg}' is not supported`);
    }
    const hmac = alg.startsWith('HS');
    if ((method === 'client_secret_jwt' && !hmac) || (method === 'private_key_jwt' && hmac)) {
      throw invalidMetadata(
        'token_endpoint_auth_signing_alg',
        `value '${alg}' does not fit the method ${method}`,
      );
    }
  }
  if (
    method === 'private_key_jwt' &&
    metadata.jwks === undefined &&
    metadata.jwks_uri === undefined
  ) {
    throw invalidMetadata('token_endpoint_auth_method', 'private_key_jwt needs jwks or jwks_uri');
  }
}
