/** `client_secret_basic` (RFC 6749 2.3.1): id and secret in the HTTP Basic header. */
import type { ClientAuthenticator } from './authenticator.js';
import { verifyClientSecret } from './client-secret.js';

export const clientSecretBasic: ClientAuthenticator = {
  method: 'client_secret_basic',
  presents: 'basic',
  async verify(ctx, client, presented) {
    if (presented.kind === 'basic') verifyClientSecret(ctx, client, presented.secret);
  },
};
