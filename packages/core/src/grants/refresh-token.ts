/**
 * The refresh token grant (RFC 6749 6, OIDC Core 12). Unlike pyOP (defect 8, issues 42/43) the
 * token is bound to its client, rotated on every use, and reuse of a rotated token revokes the
 * grant (RFC 9700 4.14.2); a revoked grant is `invalid_grant`, never a 500.
 */
import { splitScope } from '../claims/scopes.js';
import { InvalidTokenRequest } from '../errors.js';
import { loadActiveUser } from './active-user.js';
import { resolveExtraClaims } from './extra-claims.js';
import type { Grant } from './grant.js';
import { issueTokens } from './issue-tokens.js';
import { subjectOfGrant } from './subject.js';

export const refreshTokenGrant: Grant = {
  grantType: 'refresh_token',
  async handle(ctx, client, params, extra) {
    const value = params.get('refresh_token');
    if (value === undefined) {
      throw new InvalidTokenRequest("Missing required parameter 'refresh_token'");
    }
    // Checks client binding, expiry, replay and scope, then rotates.
    const { grant, scope, refreshToken } = await ctx.state.useRefreshToken(
      value,
      client.clientId,
      params.get('scope'),
    );
    const user = await loadActiveUser(ctx, grant);
    const sub = subjectOfGrant(ctx, client, grant, user);
    // OIDC Core 12.2: same iss, sub, aud and auth_time; fresh iat/exp; no nonce.
    const withIdToken = ctx.settings.idTokenOnRefresh && splitScope(scope).includes('openid');
    return issueTokens(ctx, {
      client,
      grant,
      user,
      sub,
      scope,
      refreshToken,
      idToken: withIdToken
        ? { extraClaims: await resolveExtraClaims(grant, extra), includeNonce: false }
        : undefined,
    });
  },
};
