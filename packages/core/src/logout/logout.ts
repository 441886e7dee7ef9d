/**
 * RP-Initiated Logout 1.0: pyOP's programmatic `logout_user` / `do_post_logout_redirect`, and
 * the end of the browser flow once the host's confirmation page has answered.
 */
import type { ProviderContext } from '../context.js';
import { InvalidSubjectIdentifier, OAuthError } from '../errors.js';
import { asOAuthError, errorPageResponse } from '../http/errors.js';
import { clearSessionCookie, currentSession } from '../sessions/session.js';
import { endOpSession } from './end-op-session.js';
import { type EndSessionRequest, validateEndSessionRequest } from './end-session-request.js';
import { verifyIdTokenHint } from './id-token-hint.js';
import { clearInteractionCookie, consumeLogoutInteraction } from './logout-interaction.js';
import { postLogoutResponse, withState } from './post-logout-redirect.js';

export type { EndSessionRequest } from './end-session-request.js';

/**
 * pyOP `logout_user`: revokes every grant of the subject (codes, access and refresh tokens;
 * pyOP kept refresh tokens, defect 8). A verified `id_token_hint`'s `sub` replaces
 * `subjectIdentifier`; a hint that does not verify is `invalid_request` (pyOP defect 5).
 *
 * @example await logoutUser(ctx, { endSessionRequest: { id_token_hint } });
 */
export async function logoutUser(
  ctx: ProviderContext,
  input: { subjectIdentifier?: string; endSessionRequest?: EndSessionRequest },
): Promise<void> {
  const hint = input.endSessionRequest?.id_token_hint;
  const sub = hint ? (await verifyIdTokenHint(ctx, hint)).sub : input.subjectIdentifier;
  if (!sub) throw new InvalidSubjectIdentifier('No subject identifier to log out');
  await ctx.state.deleteStateForSubjectIdentifier(sub);
}

/**
 * pyOP `do_post_logout_redirect`: the registered post-logout redirect URI with `state`, or
 * undefined when there is none or it (or the hint, or the client) does not validate.
 *
 * @example await doPostLogoutRedirect(ctx, { id_token_hint, post_logout_redirect_uri, state });
 */
export async function doPostLogoutRedirect(
  ctx: ProviderContext,
  request: EndSessionRequest,
): Promise<string | undefined> {
  if (request.post_logout_redirect_uri === undefined) return undefined;
  try {
    const logout = await validateEndSessionRequest(ctx, request);
    return logout.postLogoutRedirectUri && withState(logout.postLogoutRedirectUri, logout.state);
  } catch (error) {
    if (error instanceof OAuthError) return undefined;
    throw error;
  }
}

/**
 * Finishes the logout interaction `id` with the end user's answer. Confirmed: the browser's OP
 * session ends (grants revoked, RPs notified in the background) and its cookie is cleared.
 * Either way the browser goes to the validated post-logout redirect URI with `state`.
 * An unknown, expired, reused or foreign interaction is a 400 page.
 */
export async function completeLogout(
  ctx: ProviderContext,
  request: Request,
  id: string,
  confirmed: boolean,
): Promise<Response> {
  try {
    const record = await consumeLogoutInteraction(ctx, request, id);
    const cookies = [clearInteractionCookie(ctx)];
    if (confirmed) {
      const session = await currentSession(ctx, request);
      if (session) await endOpSession(ctx, session);
      cookies.push(clearSessionCookie(ctx));
    }
    const target = {
      postLogoutRedirectUri: record.params.post_logout_redirect_uri,
      state: record.params.state,
    };
    return postLogoutResponse(ctx, target, confirmed, cookies);
  } catch (error) {
    return errorPageResponse(
      asOAuthError(error, ctx.logger),
      'This sign-out request cannot be completed',
    );
  }
}
