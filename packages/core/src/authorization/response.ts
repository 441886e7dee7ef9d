/**
 * Delivering an authorization response by response mode (OAuth 2.0 Multiple Response Type
 * Encoding Practices 2.1, OAuth 2.0 Form Post Response Mode 2).
 */
import type { AuthorizationErrorTarget } from '../errors.js';
import { formPostResponse, redirectResponse } from '../http/response.js';
import type { ResponseMode } from '../types.js';
import type { AuthenticationRequest } from './request.js';

/** The authorization response (OIDC Core 3.1.2.5 / 3.2.2.5 / 3.3.2.5) ready to deliver. */
export interface AuthorizationResponse {
  redirectUri: string;
  responseMode: ResponseMode;
  /** Response parameters in order, including `state` and `iss` (RFC 9207). */
  params: Record<string, string>;
  /** The redirect URL for query and fragment modes; undefined for form_post. */
  toUrl(): string | undefined;
  /** 303 redirect, or the auto-submitting form for form_post. */
  toResponse(): Response;
}

/**
 * Builds the URL carrying `params`. Query mode keeps the redirect URI's own query (RFC 6749
 * 3.1.2: "MUST retain" it); fragment mode replaces the (registered-without-fragment) hash.
 */
export function responseUrl(
  redirectUri: string,
  mode: 'query' | 'fragment',
  params: Record<string, string>,
): string {
  const url = new URL(redirectUri);
  if (mode === 'fragment') {
    url.hash = new URLSearchParams(params).toString();
  } else {
    for (const [name, value] of Object.entries(params)) url.searchParams.append(name, value);
  }
  return url.toString();
}

/** Wraps ordered response parameters into an `AuthorizationResponse`. */
export function authorizationResponse(
  redirectUri: string,
  responseMode: ResponseMode,
  params: Record<string, string>,
): AuthorizationResponse {
  const toUrl = () =>
    responseMode === 'form_post' ? undefined : responseUrl(redirectUri, responseMode, params);
  return {
    redirectUri,
    responseMode,
    params,
    toUrl,
    toResponse: () =>
      responseMode === 'form_post'
        ? formPostResponse(redirectUri, params)
        : redirectResponse(toUrl()!),
  };
}

/** Where errors about this (already validated) request are delivered. */
export function errorTarget(
  issuer: string,
  request: Pick<AuthenticationRequest, 'redirectUri' | 'responseMode' | 'state'>,
): AuthorizationErrorTarget {
  return {
    redirectUri: request.redirectUri,
    responseMode: request.responseMode,
    state: request.state,
    issuer,
  };
}
