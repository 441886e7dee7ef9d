/**
 * The claims a userinfo response carries (OIDC Core 5.3.2): those the token's current scope
 * implies plus those its `claims.userinfo` request names, filtered by that request's
 * `value`/`values`. `sub` is always the token's subject, so it matches the ID token's.
 */
import type { ClaimsRequest } from '../types.js';
import { selectClaims } from './claims-request.js';
import { claimsForScopes, scopeClaimMap, splitScope } from './scopes.js';

export interface UserinfoClaimsInput {
  sub: string;
  scope: string;
  userClaims: Record<string, unknown>;
  requested: ClaimsRequest['userinfo'] | undefined;
  extraScopes: Record<string, string[]>;
}

/** The userinfo response body, `sub` first. */
export function userinfoClaims(input: UserinfoClaimsInput): Record<string, unknown> {
  const requested = input.requested ?? {};
  const names = claimsForScopes(splitScope(input.scope), scopeClaimMap(input.extraScopes));
  for (const name of Object.keys(requested)) names.add(name);
  return { sub: input.sub, ...selectClaims(input.userClaims, names, requested) };
}
