/**
 * `none` (OIDC Registration 2): a public client names itself with `client_id` only. It is
 * accepted solely for clients registered that way, so a confidential client can never be
 * "authenticated" by leaving its secret out.
 */
import type { ClientAuthenticator } from './authenticator.js';

export const noClientAuthentication: ClientAuthenticator = {
  method: 'none',
  presents: 'none',
  async verify() {},
};
