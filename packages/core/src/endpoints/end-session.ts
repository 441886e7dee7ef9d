/**
 * The end-session endpoint (RP-Initiated Logout 1.0, 2), GET or POST. It validates the
 * request, then asks the end user to confirm on the host's page; nothing is ended before that,
 * so a third-party page cannot log the user out by embedding this URL. Errors are shown as a
 * page and never redirected: the redirect URI is only trusted once validated.
 */
import type { ProviderContext } from '../context.js';
import { asOAuthError, errorPageResponse } from '../http/errors.js';
import { readQueryOrForm } from '../http/request.js';
import { readEndSessionRequest, validateEndSessionRequest } from '../logout/end-session-request.js';
import { beginLogoutInteraction } from '../logout/logout-interaction.js';
import { postLogoutResponse } from '../logout/post-logout-redirect.js';
import { currentSession } from '../sessions/session.js';

/** Handles `/logout`: a redirect to the confirmation page, or straight back without a session. */
export async function handleEndSession(ctx: ProviderContext, request: Request): Promise<Response> {
  try {
    const logout = await validateEndSessionRequest(
      ctx,
      readEndSessionRequest(await readQueryOrForm(request)),
    );
    // Without an OP session there is nothing to confirm: the user is already signed out here.
    if (!(await currentSession(ctx, request))) return postLogoutResponse(ctx, logout, true, []);
    return await beginLogoutInteraction(ctx, logout);
  } catch (error) {
    return errorPageResponse(
      asOAuthError(error, ctx.logger),
      'This sign-out request cannot be completed',
    );
  }
}
