/**
 * `id_token_hint` (OIDC Core 3.1.2.1): an ID token this tenant issued, verified against its own
 * keys and issuer; expiry is tolerated because the hint is usually an old token. pyOP decoded it
 * without keys: `alg: none` passed and real signed hints crashed (spec 12 defects 5 and 11).
 */
import type { ProviderContext } from '../../context.js';
import { OAuthError } from '../../errors.js';
import type { Params } from '../../http/request.js';
import type { AuthenticationRequest } from '../request.js';

/** Returns the hint's `sub` and `sid`, if a hint was sent. */
export async function checkIdTokenHint(
  ctx: ProviderContext,
  params: Params,
): Promise<AuthenticationRequest['idTokenHint']> {
  const token = params.get('id_token_hint');
  if (token === undefined) return undefined;
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await ctx.keys.verify(token, {
      issuer: ctx.issuer,
      now: ctx.clock(),
      tolerateExpiry: true,
    }));
  } catch (error) {
    throw new OAuthError('invalid_request', 'The id_token_hint is not a valid ID token', {
      cause: error,
    });
  }
  if (typeof payload.sub !== 'string') {
    throw new OAuthError('invalid_request', 'The id_token_hint has no subject');
  }
  return typeof payload.sid === 'string'
    ? { sub: payload.sub, sid: payload.sid }
    : { sub: payload.sub };
}
