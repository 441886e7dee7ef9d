// STUB: to be implemented (authorization endpoint work).
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';
import type { Authentication, ExtraClaims, ResponseMode } from '../types.js';
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

export async function authorize(
  _ctx: ProviderContext,
  _request: AuthenticationRequest,
  _authentication: Authentication,
  _extraClaims?: ExtraClaims,
): Promise<AuthorizationResponse> {
  throw new OAuthError('server_error', 'not implemented');
}
