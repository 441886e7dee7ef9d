/**
 * Issuing the authorization response for an authenticated end user (pyOP `authorize`, §4),
 * with pyOP's defects 2 (requested `sub` compared as an object), 3 (custom `sub` crash) and 4
 * (subject mappings overwritten) fixed, and RFC 9207 `iss` always returned.
 */
import { splitScope } from '../claims/scopes.js';
import type { ProviderContext } from '../context.js';
import { AuthorizationError } from '../errors.js';
import { evaluateExtraClaims } from '../grants/extra-claims.js';
import { signIdToken } from '../tokens/id-token.js';
import type { Authentication, ExtraClaims, UserRecord } from '../types.js';
import { idTokenUserClaims } from './id-token-claims.js';
import type { AuthenticationRequest } from './request.js';
import { checkRequestedSubject, subjectOf } from './resolve-subject.js';
import { type AuthorizationResponse, authorizationResponse, errorTarget } from './response.js';

export type { AuthorizationResponse } from './response.js';

/**
 * Issues code, access token and/or ID token as the request's response type asks, and returns
 * them ready to deliver by its response mode. The request must come from
 * `parseAuthenticationRequest`; `request.scope` may have been narrowed to what was consented.
 *
 * @example
 * const response = await authorize(ctx, request, { userId: 'alice', authTime: now });
 * return response.toResponse();
 */
export async function authorize(
  ctx: ProviderContext,
  request: AuthenticationRequest,
  authentication: Authentication,
  extraClaims?: ExtraClaims,
): Promise<AuthorizationResponse> {
  const target = errorTarget(ctx.issuer, request);
  const { userId } = authentication;
  const user = await activeUser(ctx, userId);
  if (!user) throw new AuthorizationError('access_denied', 'The end user is unknown', target);

  const sub = subjectOf(ctx, request, user);
  // One user may hold many subs (a pairwise one per sector, a public one): remember, never replace.
  await ctx.stores.subjects.remember(userId, sub);
  checkRequestedSubject(request, sub, target);

  const extra = await evaluateExtraClaims(extraClaims, userId, request.clientId);
  const scope = request.scope.join(' ');
  const grant = await ctx.state.createGrant({
    clientId: request.clientId,
    userId,
    sub,
    scope,
    claims: request.claims,
    authTime: authentication.authTime,
    acr: authentication.acr,
    amr: authentication.amr,
    sid: authentication.sid,
    nonce: request.nonce,
    extraIdTokenClaims: extra,
  });

  const words = request.responseType.split(' ');
  const params: Record<string, string> = {};
  if (words.includes('code')) {
    params.code = await ctx.state.createAuthorizationCode(grant, {
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      codeChallengeMethod: request.codeChallengeMethod,
    });
  }
  if (words.includes('token')) {
    const token = await ctx.state.createAccessToken({
      clientId: request.clientId,
      grantId: grant.id,
      userId,
      sub,
      scope,
      claims: request.claims?.userinfo,
    });
    params.access_token = token.value;
    params.token_type = 'Bearer';
    params.expires_in = String(token.expiresIn);
    // RFC 6749 4.2.2: scope is REQUIRED in the response when it differs from the request.
    if (scope !== splitScope(request.params.scope).join(' ')) params.scope = scope;
  }
  if (words.includes('id_token')) {
    const alg = request.client.metadata.id_token_signed_response_alg ?? 'RS256';
    if (!ctx.keys.hasActiveKey(alg)) {
      ctx.logger.error('no active signing key for the client', { alg, clientId: request.clientId });
      throw new AuthorizationError('server_error', `No ${alg} signing key is available`, target);
    }
    params.id_token = await signIdToken(ctx.keys, {
      issuer: ctx.issuer,
      clientId: request.clientId,
      sub,
      now: ctx.clock(),
      lifetime: ctx.settings.lifetimes.idToken,
      alg,
      authTime: authentication.authTime,
      nonce: request.nonce,
      acr: authentication.acr,
      amr: authentication.amr,
      sid: authentication.sid,
      code: params.code,
      accessToken: params.access_token,
      claims: idTokenUserClaims(ctx, request, user),
      extraClaims: extra,
    });
  }
  if (request.state !== undefined) params.state = request.state;
  // RFC 9207: the issuer identifies the responding OP, defeating mix-up attacks.
  params.iss = ctx.issuer;
  return authorizationResponse(request.redirectUri, request.responseMode, params);
}

async function activeUser(ctx: ProviderContext, userId: string): Promise<UserRecord | undefined> {
  const user = await ctx.stores.users.get(userId);
  return user && !user.disabled ? user : undefined;
}
