/** `private_key_jwt` (OIDC Core 9): an assertion signed with a key from the client's JWKS. */
import type { ClientAuthenticator } from './authenticator.js';
import { allowedAlgorithms, verifyClientAssertion } from './client-assertion.js';
import { clientKeyResolver } from './client-jwks.js';

/** The asymmetric algorithms advertised in discovery for client assertions. */
const SIGNATURE_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

export const privateKeyJwt: ClientAuthenticator = {
  method: 'private_key_jwt',
  presents: 'jwt',
  async verify(ctx, client, presented, audience) {
    if (presented.kind !== 'jwt') return;
    await verifyClientAssertion(ctx, client, presented.assertion, {
      algorithms: allowedAlgorithms(client, SIGNATURE_ALGORITHMS),
      key: await clientKeyResolver(ctx, client),
      audience,
    });
  },
};
