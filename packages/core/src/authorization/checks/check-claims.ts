/**
 * The `claims` parameter (OIDC Core 5.5): valid JSON of the right shape (pyOP let a decode error
 * escape raw, spec 12 defect 11); no `userinfo` member when no access token is issued (pyOP rule,
 * OIDC Core 5.5: userinfo claims need an access token); and at most one requested `sub`.
 * A single requested `sub` is accepted here (pyOP rejected every one, spec 12 defect 2).
 */
import { parseClaimsParameter, requestedSubject } from '../../claims/claims-request.js';
import { OAuthError } from '../../errors.js';
import type { Params } from '../../http/request.js';
import type { ClaimsRequest, ResponseType } from '../../types.js';

/** Returns the parsed claims request, if any. */
export function checkClaims(params: Params, responseType: ResponseType): ClaimsRequest | undefined {
  const raw = params.get('claims');
  if (raw === undefined) return undefined;
  const claims = parseClaimsParameter(raw);
  if (claims.userinfo && responseType === 'id_token') {
    throw new OAuthError(
      'invalid_request',
      "Userinfo claims cannot be requested when response_type is 'id_token'",
    );
  }
  requestedSubject(claims);
  return claims;
}
