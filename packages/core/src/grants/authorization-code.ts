/**
 * The authorization code grant (RFC 6749 4.1.3, OIDC Core 3.1.3). A code is redeemed once; a
 * replay revokes everything issued from it (RFC 6749 4.1.2, 10.5), which pyOP never did.
 */
import { splitScope } from '../claims/scopes.js';
import { InvalidTokenRequest, OAuthError } from '../errors.js';
import { loadActiveUser } from './active-user.js';
import { resolveExtraClaims } from './extra-claims.js';
import type { Grant } from './grant.js';
import { issueTokens } from './issue-tokens.js';
import { verifyPkce } from './pkce.js';
import { mayIssueRefreshToken } from './refresh-policy.js';
import { subjectOfGrant } from './subject.js';

export const authorizationCodeGrant: Grant = {
  grantType: 'authorization_code',
  async handle(ctx, client, params, extra) {
    const value = params.get('code');
    if (value === undefined) throw new InvalidTokenRequest("Missing required parameter 'code'");
    const redirectUri = params.get('redirect_uri');
    if (redirectUri === undefined) {
      throw new InvalidTokenRequest("Missing required parameter 'redirect_uri'");
    }
    const { code, grant } = await ctx.state.redeemAuthorizationCode(value);
    // Another client's code is reported like an unknown one (RFC 6749 5.2 invalid_grant).
    if (code.clientId !== client.clientId) {
      throw new OAuthError('invalid_grant', 'The authorization code is unknown');
    }
    // RFC 6749 4.1.3: exactly the redirect_uri of the authorization request.
    if (redirectUri !== code.redirectUri) {
      throw new OAuthError(
        'invalid_grant',
        'redirect_uri does not match the authorization request',
      );
    }
    verifyPkce(ctx, client, code, params.get('code_verifier'));
    const user = await loadActiveUser(ctx, grant);
    const sub = subjectOfGrant(ctx, client, grant, user);
    return issueTokens(ctx, {
      client,
      grant,
      user,
      sub,
      scope: grant.scope,
      refreshToken: mayIssueRefreshToken(ctx, client, grant.scope)
        ? ctx.state.createRefreshToken(grant)
        : undefined,
      idToken: splitScope(grant.scope).includes('openid')
        ? { extraClaims: await resolveExtraClaims(grant, extra), includeNonce: true }
        : undefined,
    });
  },
};
