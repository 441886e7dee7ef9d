/**
 * The one place where errors become responses, one serializer per transport. Anything that is
 * not an `OAuthError` becomes `server_error`; its details go to the logger, never the client.
 */
import { InvalidAuthenticationRequest, OAuthError, ServerError } from '../errors.js';
import { formPostResponse, htmlResponse, jsonResponse, redirectResponse } from './response.js';

export interface ErrorLogger {
  error(message: string, details: Record<string, unknown>): void;
}

export function asOAuthError(error: unknown, logger?: ErrorLogger): OAuthError {
  if (error instanceof OAuthError) {
    if (error.status >= 500) logger?.error('server error', { cause: describe(error.cause) });
    return error;
  }
  logger?.error('unexpected error', { cause: describe(error) });
  return new ServerError(error);
}

function describe(error: unknown): unknown {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack }
    : error;
}

/** RFC 6749 5.2 JSON error; `invalid_client` after Basic authentication carries a challenge. */
export function jsonErrorResponse(error: OAuthError, basicChallenge = false): Response {
  const headers: Record<string, string> = {};
  if (error.error === 'invalid_client' && basicChallenge) {
    headers['www-authenticate'] = 'Basic realm="token", charset="UTF-8"';
  }
  return jsonResponse(error.toJSON(), error.status, headers);
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '')}"`;
}

/**
 * RFC 6750 3: a Bearer challenge; without any token presented, no error code is given. The realm
 * names the protected resource (userinfo, or registration for RFC 7591/7592 tokens).
 */
export function bearerErrorResponse(
  error: OAuthError,
  tokenPresented: boolean,
  realm = 'userinfo',
): Response {
  if (!tokenPresented && error.status === 401) {
    return new Response(null, {
      status: 401,
      headers: { 'www-authenticate': `Bearer realm=${quote(realm)}`, 'cache-control': 'no-store' },
    });
  }
  const challenge = `Bearer realm=${quote(realm)}, error=${quote(error.error)}, error_description=${quote(error.message)}`;
  return jsonResponse(error.toJSON(), error.status, { 'www-authenticate': challenge });
}

/**
 * Authorization endpoint errors: redirected (query, fragment or form_post) once the client and
 * redirect URI are trusted, otherwise shown to the end user as a page.
 */
export function authorizationErrorResponse(error: OAuthError): Response {
  if (error instanceof InvalidAuthenticationRequest && error.target) {
    const target = error.target;
    if (target.responseMode === 'form_post') {
      const params: Record<string, string> = {
        error: error.error,
        error_description: error.message,
      };
      if (target.state !== undefined) params.state = target.state;
      params.iss = target.issuer;
      return formPostResponse(target.redirectUri, params);
    }
    const url = error.toErrorUrl();
    if (url) return redirectResponse(url);
  }
  return errorPageResponse(error, 'This sign-in request cannot be completed');
}

/** An error shown to the end user as a page, never redirected (e.g. an invalid logout request). */
export function errorPageResponse(error: OAuthError, title: string): Response {
  if (error.status >= 500) {
    return htmlResponse(500, 'Something went wrong', `${error.error}: ${error.message}`);
  }
  return htmlResponse(400, title, `${error.error}: ${error.message}`);
}
