/**
 * POST {issuer}/interaction/{id}: the login, consent and logout forms submit here (fast lane).
 * The checks, in order: the Origin header (a cross-origin post is 403), the form body (bounded,
 * urlencoded), the interaction itself (unknown, expired or another browser's is 400), the CSRF
 * token (403, see csrf.ts), then the action the interaction is waiting for. What the core
 * answers (the next step, the relying party's redirect, a form_post page) passes through as is.
 */
import { OAuthError, type Provider } from '@tessera/core';
import type { AppLogger } from '@tessera/core/node';
import { authenticateUser } from '../login/authenticate-user';
import type { OpRuntime } from '../runtime';
import type { TenantEntry } from '../tenants/tenant-directory';
import { interactionPageUrl } from '../ui/page-view';
import { isAllowedOrigin } from './check-origin';
import { readCookie } from './cookies';
import { errorPageResponse } from './error-page';
import { readForm, singleValue } from './read-form';

export interface InteractionSubmitOptions {
  runtime: OpRuntime;
  tenant: TenantEntry;
  issuer: string;
  provider: Provider;
  request: Request;
  interactionId: string;
  /** The end user's address (for login limits). */
  clientAddress: string;
  log: AppLogger;
}

/**
 * @example
 * return handleInteractionSubmit({ runtime, tenant, issuer, provider, request, interactionId, clientAddress, log });
 */
export async function handleInteractionSubmit(
  options: InteractionSubmitOptions,
): Promise<Response> {
  const { runtime, issuer, provider, request, interactionId: id, log } = options;
  const fail = (status: number, code: string) => errorPage(options, status, code);

  if (!isAllowedOrigin(request, issuer)) {
    log.warn('interaction form posted from another origin', {
      origin: request.headers.get('origin'),
    });
    return fail(403, 'request_forbidden');
  }
  const body = await readForm(request);
  if (!body.ok) return fail(body.reason === 'too_large' ? 413 : 415, 'bad_request');
  const form = body.form;

  let prompt: Awaited<ReturnType<Provider['interactionDetails']>>['prompt'];
  try {
    prompt = (await provider.interactionDetails(request, id)).prompt;
  } catch (error) {
    return coreError(options, error);
  }
  const browserBinding =
    readCookie(request.headers.get('cookie'), provider.context.cookies.interaction) ?? '';
  const csrf = singleValue(form, 'csrf');
  if (!runtime.pages.csrf.verify(csrf, { issuer, interactionId: id, browserBinding })) {
    log.warn('interaction form with a bad CSRF token', { missing: csrf === undefined });
    return fail(403, 'request_forbidden');
  }

  const action = singleValue(form, 'action');
  if (action !== prompt) {
    // A form of an earlier step (back button, second tab): show the step the interaction is at.
    if (action === 'login' || action === 'consent' || action === 'logout') {
      return seeOther(interactionPageUrl(issuer, id, prompt));
    }
    return fail(400, 'bad_request');
  }
  try {
    switch (prompt) {
      case 'login':
        return await submitLogin(options, form);
      case 'consent':
        return await submitConsent(options, form);
      case 'logout':
        return await submitLogout(options, form);
    }
  } catch (error) {
    return coreError(options, error);
  }
}

async function submitLogin(options: InteractionSubmitOptions, form: URLSearchParams) {
  const { runtime, tenant, issuer, provider, request, interactionId: id } = options;
  const login = singleValue(form, 'login');
  const password = singleValue(form, 'password');
  if (login === undefined || password === undefined || !tenant.settings) {
    return errorPage(options, 400, 'bad_request');
  }
  const result = await authenticateUser({
    db: runtime.database.prisma,
    tenantId: tenant.id,
    login,
    password,
    address: options.clientAddress,
    limits: tenant.settings.loginLimits,
    now: () => new Date(),
  });
  // Counted in memory only (flushed in the background): no statement is added to the request.
  runtime.activity.record(tenant.id, result.ok ? 'sign_in' : 'sign_in_failed');
  if (!result.ok) {
    options.log.info('login refused', { reason: result.reason });
    return seeOther(`${interactionPageUrl(issuer, id, 'login')}?error=${result.reason}`);
  }
  // The core pauses again for consent when the client still needs it (a 303 to the consent page).
  return provider.completeInteraction(request, id, {
    login: { userId: result.userId, amr: ['pwd'] },
  });
}

async function submitConsent(options: InteractionSubmitOptions, form: URLSearchParams) {
  const { provider, request, interactionId: id } = options;
  const decision = singleValue(form, 'decision');
  if (decision === 'allow') return provider.completeInteraction(request, id, { consent: {} });
  if (decision === 'deny') {
    return provider.completeInteraction(request, id, { error: 'access_denied' });
  }
  return errorPage(options, 400, 'bad_request');
}

async function submitLogout(options: InteractionSubmitOptions, form: URLSearchParams) {
  const decision = singleValue(form, 'decision');
  if (decision !== 'logout' && decision !== 'cancel') return errorPage(options, 400, 'bad_request');
  return options.provider.completeLogout(
    options.request,
    options.interactionId,
    decision === 'logout',
  );
}

/** The core's refusal of an interaction as the friendly page; anything else is a real failure. */
function coreError(options: InteractionSubmitOptions, error: unknown): Promise<Response> {
  if (!(error instanceof OAuthError)) throw error;
  const code = error.error === 'invalid_request' ? 'interaction_expired' : error.error;
  return errorPage(options, 400, code);
}

async function errorPage(
  options: InteractionSubmitOptions,
  status: number,
  code: string,
): Promise<Response> {
  const view = await options.runtime.pages.load({
    tenant: options.tenant,
    issuer: options.issuer,
    cookie: undefined,
    acceptLanguage: options.request.headers.get('accept-language') ?? undefined,
  });
  return errorPageResponse(view, status, code);
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
}
