/** `client_secret_post` (RFC 6749 2.3.1): `client_id` and `client_secret` in the form body. */
import type { ClientAuthenticator } from './authenticator.js';
import { verifyClientSecret } from './client-secret.js';

export const clientSecretPost: ClientAuthenticator = {
  method: 'client_secret_post',
  presents: 'post',
  async verify(ctx, client, presented) {
    if (presented.kind === 'post') verifyClientSecret(ctx, client, presented.secret);
  },
};
