/**
 * Resuming a paused authorization request with the host's decision: an error for the RP, a
 * login (which starts a fresh OP session), a consent, or login then consent in two steps.
 */
import type { ProviderContext } from '../context.js';
import { AuthorizationError, InvalidAuthenticationRequest, OAuthError } from '../errors.js';
import { authorizationErrorResponse } from '../http/errors.js';
import { redirectResponse } from '../http/response.js';
import {
  clearInteractionCookie,
  consumeInteraction,
  loadInteraction,
} from '../sessions/interaction-binding.js';
import { currentSession, startSession } from '../sessions/session.js';
import type { InteractionRecord } from '../storage/ports.js';
import { authorize } from './authorize.js';
import { consentNeeded, demandedSubject } from './decide-prompt.js';
import { parseAuthenticationRequest } from './parse-request.js';
import type { AuthenticationRequest } from './request.js';
import { subjectOf } from './resolve-subject.js';
import { errorTarget } from './response.js';
import { saveConsent } from './save-consent.js';

/** The host's decision for a paused request. */
export type InteractionResult =
  | {
      login?: { userId: string; acr?: string; amr?: string[] };
      /** Scopes the user granted; defaults to everything requested. */
      consent?: { scopes?: string[] };
    }
  | {
      error: 'access_denied' | 'login_required' | 'consent_required' | 'interaction_required';
      description?: string;
    };

type Login = NonNullable<InteractionRecord['login']>;

/**
 * Resumes interaction `id` for the browser that sent `request`. Returns the response to send:
 * the RP redirect (or form_post page), or a 303 to the consent page when login is done but
 * consent is still missing. Throws `invalid_request` for unknown, expired, foreign or already
 * completed interactions (the host shows its error page).
 *
 * @example
 * return provider.completeInteraction(request, id, { login: { userId }, consent: {} });
 */
export async function completeInteraction(
  ctx: ProviderContext,
  request: Request,
  id: string,
  result: InteractionResult,
): Promise<Response> {
  const record = await loadInteraction(ctx, request, id);
  if (record.prompt === 'logout') {
    throw new OAuthError('invalid_request', 'A logout interaction is completed by completeLogout');
  }
  try {
    // Re-validated, not trusted from storage: the client may have changed meanwhile.
    const authRequest = await parseAuthenticationRequest(
      ctx,
      new Map(Object.entries(record.params)),
    );
    if ('error' in result) {
      await consumeInteraction(ctx, id);
      throw new AuthorizationError(
        result.error,
        result.description ?? 'The end user did not authorize the request',
        errorTarget(ctx.issuer, authRequest),
      );
    }
    return await resume(ctx, request, record, authRequest, result);
  } catch (error) {
    if (!(error instanceof InvalidAuthenticationRequest && error.target)) throw error;
    const response = authorizationErrorResponse(error);
    response.headers.append('set-cookie', clearInteractionCookie(ctx));
    return response;
  }
}

async function resume(
  ctx: ProviderContext,
  request: Request,
  record: InteractionRecord,
  authRequest: AuthenticationRequest,
  result: Exclude<InteractionResult, { error: string }>,
): Promise<Response> {
  const userId = result.login?.userId ?? record.login?.userId;
  if (!userId) throw new OAuthError('invalid_request', 'The interaction needs a login result');
  await checkUser(ctx, record.id, authRequest, userId);
  const pauseForConsent = !result.consent && (await consentNeeded(ctx, authRequest, userId));
  if (!pauseForConsent) await consumeInteraction(ctx, record.id);

  let login: Login | undefined = record.login;
  let sessionCookie: string | undefined;
  if (result.login) {
    // A fresh session on every login: an attacker-planted session id never gets authenticated.
    const previous = await currentSession(ctx, request);
    if (previous) await ctx.stores.sessions.delete(previous.id);
    const started = await startSession(ctx, { ...result.login, authTime: ctx.clock() });
    const { session } = started;
    sessionCookie = started.setCookie;
    login = { ...result.login, authTime: session.authTime, sid: session.id };
  }
  if (!login) throw new OAuthError('invalid_request', 'The interaction needs a login result');

  if (pauseForConsent) {
    await ctx.stores.interactions.update({ ...record, prompt: 'consent', login });
    const response = redirectResponse(ctx.interactionUrl(record.id, 'consent'));
    if (sessionCookie) response.headers.append('set-cookie', sessionCookie);
    return response;
  }
  const scope = result.consent
    ? await saveConsent(ctx, authRequest, userId, result.consent.scopes)
    : authRequest.scope;
  const response = await authorize(
    ctx,
    { ...authRequest, scope },
    { ...login, userId },
    ctx.extraIdTokenClaims,
  );
  if (login.sid) await ctx.stores.sessions.addClient(login.sid, authRequest.clientId);
  const http = response.toResponse();
  if (sessionCookie) http.headers.append('set-cookie', sessionCookie);
  http.headers.append('set-cookie', clearInteractionCookie(ctx));
  return http;
}

/** The logged-in user must exist and be the one the RP asked for (id_token_hint, claims sub). */
async function checkUser(
  ctx: ProviderContext,
  id: string,
  authRequest: AuthenticationRequest,
  userId: string,
): Promise<void> {
  const user = await ctx.stores.users.get(userId);
  const wanted = demandedSubject(authRequest);
  const mismatch = user && wanted !== undefined && wanted !== subjectOf(ctx, authRequest, user);
  if (user && !user.disabled && !mismatch) return;
  await ctx.stores.interactions.consume(id);
  throw new AuthorizationError(
    'access_denied',
    mismatch ? 'The end user is not the one the client asked for' : 'The end user is unknown',
    errorTarget(ctx.issuer, authRequest),
  );
}
