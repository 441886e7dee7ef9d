/**
 * Authentication request validation (OIDC Core 3.1.2.1-3.1.2.2; pyOP spec section 3), as an
 * ordered list of small checks in two phases:
 *
 * 1. Client and redirect URI. Nothing is trusted yet, so these errors are never redirected
 *    (RFC 6749 4.1.2.1); the host shows an error page. This closes pyOP's open redirect (PR 64).
 * 2. Everything else. Errors go back to the validated redirect URI with `state` and `iss`,
 *    encoded with the request's response mode, which is therefore checked first.
 */
import type { ProviderContext } from '../context.js';
import type { AuthorizationErrorTarget } from '../errors.js';
import type { Params } from '../http/request.js';
import { checkClaims } from './checks/check-claims.js';
import { checkClient } from './checks/check-client.js';
import { checkDisplay } from './checks/check-display.js';
import { checkIdTokenHint } from './checks/check-id-token-hint.js';
import { checkMaxAge } from './checks/check-max-age.js';
import { checkNonce } from './checks/check-nonce.js';
import { checkPkce } from './checks/check-pkce.js';
import { checkPrompt } from './checks/check-prompt.js';
import { checkRedirectUri } from './checks/check-redirect-uri.js';
import { checkRequestObject } from './checks/check-request-object.js';
import { checkResponseMode, defaultResponseMode } from './checks/check-response-mode.js';
import { checkResponseType, splitWords } from './checks/check-response-type.js';
import { checkScope } from './checks/check-scope.js';
import { deliverToClient } from './checks/deliver-to-client.js';
import { runCustomValidators } from './checks/run-custom-validators.js';
import type { AuthenticationRequest } from './request.js';

/**
 * Parses and validates an authentication request. Throws an `InvalidAuthenticationRequest`
 * whose `toErrorUrl()` is undefined for phase-1 errors and the client's error URL otherwise.
 *
 * @example
 * const request = await parseAuthenticationRequest(ctx, parseParams(url.searchParams));
 */
export async function parseAuthenticationRequest(
  ctx: ProviderContext,
  params: Params,
): Promise<AuthenticationRequest> {
  // Phase 1: never redirected.
  const client = await checkClient(ctx, params);
  const redirectUri = checkRedirectUri(client, params);

  // Phase 2: redirected to the trusted redirect URI.
  const target: AuthorizationErrorTarget = {
    redirectUri,
    responseMode: defaultResponseMode(params.get('response_type')),
    state: params.get('state'),
    issuer: ctx.issuer,
  };
  try {
    target.responseMode = checkResponseMode(ctx, params);
    checkRequestObject(params);
    const responseType = checkResponseType(ctx, client, params);
    const request: AuthenticationRequest = {
      client,
      clientId: client.clientId,
      redirectUri,
      responseType,
      responseMode: target.responseMode,
      scope: checkScope(ctx, client, params, responseType),
      state: params.get('state'),
      nonce: checkNonce(params, responseType),
      prompt: checkPrompt(params),
      maxAge: checkMaxAge(client, params),
      claims: checkClaims(params, responseType),
      ...checkPkce(ctx, client, params, responseType),
      display: checkDisplay(params),
      idTokenHint: await checkIdTokenHint(ctx, params),
      acrValues: optionalWords(params.get('acr_values')),
      uiLocales: optionalWords(params.get('ui_locales')),
      loginHint: params.get('login_hint'),
      params: Object.fromEntries(params),
    };
    await runCustomValidators(ctx, request);
    return request;
  } catch (error) {
    throw deliverToClient(error, target, ctx.logger);
  }
}

function optionalWords(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : splitWords(value);
}
