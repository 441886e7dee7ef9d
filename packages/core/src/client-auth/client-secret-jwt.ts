/**
 * `client_secret_jwt` (OIDC Core 9): an assertion MACed with the client secret. This is the one
 * method that needs the secret in clear (`clientSecret`), as the HMAC key.
 */
import type { ClientAuthenticator } from './authenticator.js';
import { allowedAlgorithms, verifyClientAssertion } from './client-assertion.js';
import { isSecretExpired } from './client-secret.js';
import { clientAuthenticationFailed } from './failure.js';

const HMAC_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;

export const clientSecretJwt: ClientAuthenticator = {
  method: 'client_secret_jwt',
  presents: 'jwt',
  async verify(ctx, client, presented, audience) {
    if (presented.kind !== 'jwt') return;
    if (!client.clientSecret || isSecretExpired(client, ctx.clock())) {
      throw clientAuthenticationFailed(ctx, 'no usable secret for client_secret_jwt', {
        clientId: client.clientId,
      });
    }
    await verifyClientAssertion(ctx, client, presented.assertion, {
      algorithms: allowedAlgorithms(client, HMAC_ALGORITHMS),
      key: new TextEncoder().encode(client.clientSecret),
      audience,
    });
  },
};
