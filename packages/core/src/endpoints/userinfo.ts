/**
 * The UserInfo endpoint (OIDC Core 5.3) as an RFC 6750 protected resource: GET or POST, the
 * token from the Authorization header, the form body or the query, and Bearer challenges on
 * failure. Browsers call it directly, so every answer allows any origin (no cookies involved).
 */

import { splitScope } from '../claims/scopes.js';
import { userinfoClaims } from '../claims/userinfo-claims.js';
import type { ProviderContext } from '../context.js';
import { BearerTokenError, InvalidAccessToken, OAuthError } from '../errors.js';
import { extractBearerToken } from '../http/bearer-token.js';
import { asOAuthError, bearerErrorResponse } from '../http/errors.js';
import { jsonResponse } from '../http/response.js';
import { subjectFor } from '../subjects/subject-identifier.js';

const CORS = { 'access-control-allow-origin': '*' } as const;

/**
 * Validates the access token and returns the claims, or throws an `OAuthError`
 * (`BearerTokenError` when no token was presented).
 */
export async function processUserinfoRequest(
  ctx: ProviderContext,
  request: Request,
): Promise<Record<string, unknown>> {
  const value = await extractBearerToken(request);
  const token = await ctx.state.introspectAccessToken(value);
  if (!token.active) throw new InvalidAccessToken('The access token has expired');
  // OIDC Core 5.3: the token must have been issued for an OpenID request (5.3.3: 403).
  if (!splitScope(token.scope).includes('openid') || token.userId === undefined) {
    throw new OAuthError('insufficient_scope', "The access token lacks the 'openid' scope");
  }
  const user = await ctx.stores.users.get(token.userId);
  // A removed or disabled account makes its tokens worthless, as if revoked (RFC 6750 3.1).
  if (!user || user.disabled) throw new InvalidAccessToken('The access token is no longer valid');
  return userinfoClaims({
    sub: token.sub ?? (await fallbackSubject(ctx, token.clientId, user.id, user.claims)),
    scope: token.scope,
    userClaims: user.claims,
    requested: token.claims,
    extraScopes: ctx.settings.extraScopes,
  });
}

/** Tokens always carry `sub` when issued by the engine; this covers host-created ones. */
async function fallbackSubject(
  ctx: ProviderContext,
  clientId: string,
  userId: string,
  claims: Record<string, unknown>,
): Promise<string> {
  const client = await ctx.stores.clients.get(clientId);
  if (!client) throw new InvalidAccessToken('The access token is no longer valid');
  return subjectFor(ctx, { id: userId, claims }, client.metadata);
}

/** GET or POST /userinfo. */
export async function handleUserinfo(ctx: ProviderContext, request: Request): Promise<Response> {
  let response: Response;
  try {
    response = jsonResponse(await processUserinfoRequest(ctx, request), 200, CORS);
  } catch (error) {
    const oauthError = asOAuthError(error, ctx.logger);
    response = bearerErrorResponse(oauthError, !(oauthError instanceof BearerTokenError));
    response.headers.set('access-control-allow-origin', '*');
  }
  return response;
}
