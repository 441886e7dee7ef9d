/**
 * The authorization endpoint (OIDC Core 3.1.2): validate, then answer at once when the
 * browser's session and the stored consent suffice, else pause for the host's login or
 * consent page. `prompt=none` never pauses (3.1.2.6 `login_required` / `consent_required`).
 */
import { authorize } from '../authorization/authorize.js';
import { consentNeeded, loginNeeded } from '../authorization/decide-prompt.js';
import { redirectableError } from '../authorization/deliver-error.js';
import { parseAuthenticationRequest } from '../authorization/parse-request.js';
import type { AuthenticationRequest } from '../authorization/request.js';
import { errorTarget } from '../authorization/response.js';
import type { ProviderContext } from '../context.js';
import { AuthorizationError } from '../errors.js';
import { authorizationErrorResponse } from '../http/errors.js';
import { readQueryOrForm } from '../http/request.js';
import { beginInteraction } from '../sessions/interaction-binding.js';
import { currentSession } from '../sessions/session.js';

/** GET or POST /authorize. Never throws: errors are redirected or shown as a page. */
export async function handleAuthorization(
  ctx: ProviderContext,
  request: Request,
): Promise<Response> {
  let authRequest: AuthenticationRequest | undefined;
  try {
    authRequest = await parseAuthenticationRequest(ctx, await readQueryOrForm(request));
    return await answer(ctx, request, authRequest);
  } catch (error) {
    return authorizationErrorResponse(redirectableError(ctx, error, authRequest));
  }
}

async function answer(
  ctx: ProviderContext,
  request: Request,
  authRequest: AuthenticationRequest,
): Promise<Response> {
  const session = await currentSession(ctx, request);
  const user = session && (await ctx.stores.users.get(session.userId));
  const silent = authRequest.prompt.has('none');
  const pause = { clientId: authRequest.clientId, params: authRequest.params };

  if (!session || !user || loginNeeded(ctx, authRequest, session, user)) {
    if (silent) throw refusal(ctx, authRequest, 'login_required');
    return beginInteraction(ctx, { ...pause, prompt: 'login' });
  }
  const login = {
    userId: session.userId,
    authTime: session.authTime,
    acr: session.acr,
    amr: session.amr,
    sid: session.id,
  };
  if (await consentNeeded(ctx, authRequest, session.userId)) {
    if (silent) throw refusal(ctx, authRequest, 'consent_required');
    return beginInteraction(ctx, { ...pause, prompt: 'consent', login });
  }
  const response = await authorize(ctx, authRequest, login, ctx.extraIdTokenClaims);
  await ctx.stores.sessions.addClient(session.id, authRequest.clientId);
  return response.toResponse();
}

function refusal(
  ctx: ProviderContext,
  authRequest: AuthenticationRequest,
  code: 'login_required' | 'consent_required',
): AuthorizationError {
  const description =
    code === 'login_required'
      ? 'The end user must log in, but prompt=none forbids it'
      : 'The end user must consent, but prompt=none forbids it';
  return new AuthorizationError(code, description, errorTarget(ctx.issuer, authRequest));
}
