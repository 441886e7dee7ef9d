/**
 * Which user claims go into an ID token issued from the authorization endpoint.
 */

import { selectClaims } from '../claims/claims-request.js';
import { claimsForScopes, scopeClaimMap } from '../claims/scopes.js';
import type { ProviderContext } from '../context.js';
import type { UserRecord } from '../types.js';
import type { AuthenticationRequest } from './request.js';

/**
 * The claims explicitly requested for the ID token (OIDC Core 5.5), plus the scope-implied
 * ones only when no access token can ever be obtained, i.e. response_type `id_token`
 * (OIDC Core 5.4: "when no Access Token is issued", the scope claims are returned in the ID
 * token). Otherwise they are the userinfo endpoint's business.
 */
export function idTokenUserClaims(
  ctx: ProviderContext,
  request: AuthenticationRequest,
  user: UserRecord,
): Record<string, unknown> {
  const requested = request.claims?.id_token ?? {};
  const names = new Set(Object.keys(requested));
  if (request.responseType === 'id_token') {
    const implied = claimsForScopes(request.scope, scopeClaimMap(ctx.settings.extraScopes));
    for (const name of implied) names.add(name);
  }
  // selectClaims never copies `sub`: a custom `sub` claim cannot clash with the token's own
  // (pyOP defect 3 crashed here).
  return selectClaims(user.claims, names, requested);
}
