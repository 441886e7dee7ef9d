/**
 * `scope` (OIDC Core 3.1.2.1): this is an OpenID-only provider, so `openid` is required
 * (`invalid_scope`). Unknown scopes may be ignored (3.1.2.1; pyOP PR 16 kept them in the grant),
 * so they are dropped, as are scopes outside the client's registered `scope` (pyOP issue 39).
 * `offline_access` only makes sense when a code is issued (OIDC Core 11); it is dropped otherwise.
 */
import { scopeClaimMap, splitScope } from '../../claims/scopes.js';
import type { ProviderContext } from '../../context.js';
import { OAuthError } from '../../errors.js';
import type { Params } from '../../http/request.js';
import type { ClientRecord, ResponseType } from '../../types.js';
import { hasWord } from './check-response-type.js';

/** Returns the scopes this request may ask for, in request order. */
export function checkScope(
  ctx: ProviderContext,
  client: ClientRecord,
  params: Params,
  responseType: ResponseType,
): string[] {
  const requested = splitScope(params.get('scope'));
  if (!requested.includes('openid')) {
    throw new OAuthError('invalid_scope', "The scope must contain 'openid'");
  }
  const known = scopeClaimMap(ctx.settings.extraScopes);
  const registered =
    typeof client.metadata.scope === 'string' ? splitScope(client.metadata.scope) : undefined;
  const keep = (scope: string): boolean => {
    // `openid` is what makes this an OpenID request; a client scope list cannot remove it.
    if (scope === 'openid') return true;
    // Object.hasOwn: a scope named `constructor` must not match the object's prototype.
    if (!Object.hasOwn(known, scope)) return false;
    if (registered && !registered.includes(scope)) return false;
    return scope !== 'offline_access' || hasWord(responseType, 'code');
  };
  return requested.filter(keep);
}
