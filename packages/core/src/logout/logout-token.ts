/**
 * Logout tokens (OpenID Connect Back-Channel Logout 1.0, 2.4): a JWT the OP POSTs to an RP to
 * say "this session ended". It must never be mistaken for an ID token, hence the explicit
 * `typ`, the `events` claim and the absence of `nonce` (2.4, 2.6).
 */
import type { JWTPayload } from 'jose';
import type { ProviderContext } from '../context.js';
import { randomId } from '../tokens/random.js';
import type { SigningAlgorithm } from '../types.js';

export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** Logout tokens are consumed at once; two minutes cover clock skew, not storage (2.4). */
export const LOGOUT_TOKEN_LIFETIME = 120;

/**
 * Signs a logout token for one client. `sub` is omitted when the user no longer exists; `sid`
 * is always present, so the RP can still find the session (2.4: sub or sid, or both).
 *
 * @example await signLogoutToken(ctx, { clientId: 'rp1', alg: 'RS256', sid: session.id });
 */
export function signLogoutToken(
  ctx: ProviderContext,
  input: { clientId: string; alg: SigningAlgorithm; sid: string; sub?: string },
): Promise<string> {
  const iat = ctx.clock();
  const payload: JWTPayload = {
    iss: ctx.issuer,
    aud: input.clientId,
    iat,
    exp: iat + LOGOUT_TOKEN_LIFETIME,
    jti: randomId(ctx.random, 32),
    events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
    ...(input.sub !== undefined && { sub: input.sub }),
    sid: input.sid,
  };
  // A client registered for an algorithm this tenant lost the key for still gets notified.
  const alg = ctx.keys.hasActiveKey(input.alg) ? input.alg : 'RS256';
  return ctx.keys.sign(payload, alg, 'logout+jwt');
}
