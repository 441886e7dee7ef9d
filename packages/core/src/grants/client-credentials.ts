/**
 * The client credentials grant (RFC 6749 4.4): a confidential client acts for itself. There is
 * no end user, so no `sub`, no ID token and no refresh token (4.4.3); `openid` and
 * `offline_access` make no sense here and are refused.
 */
import { splitScope } from '../claims/scopes.js';
import { InvalidScope, OAuthError } from '../errors.js';
import type { Grant } from './grant.js';

const USER_ONLY_SCOPES = new Set(['openid', 'offline_access']);

export const clientCredentialsGrant: Grant = {
  grantType: 'client_credentials',
  async handle(ctx, client, params) {
    // RFC 6749 4.4: "MUST only be used by confidential clients".
    if (client.metadata.token_endpoint_auth_method === 'none') {
      throw new OAuthError('unauthorized_client', 'Public clients cannot use client_credentials');
    }
    const allowed =
      client.metadata.scope === undefined ? undefined : splitScope(client.metadata.scope);
    const requested = params.has('scope')
      ? splitScope(params.get('scope'))
      : (allowed ?? []).filter((scope) => !USER_ONLY_SCOPES.has(scope));
    for (const scope of requested) {
      if (USER_ONLY_SCOPES.has(scope) || (allowed && !allowed.includes(scope))) {
        throw new InvalidScope(`The scope '${scope}' is not available to this client`);
      }
    }
    const scope = requested.join(' ');
    const accessToken = await ctx.state.createAccessToken({ clientId: client.clientId, scope });
    return {
      access_token: accessToken.value,
      token_type: 'Bearer',
      expires_in: accessToken.expiresIn,
      ...(scope !== '' && { scope }),
    };
  },
};
