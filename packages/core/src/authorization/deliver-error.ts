/**
 * Turning failures after request validation into authorization error responses: once client
 * and redirect URI are trusted, every error, unexpected ones included, goes back to the RP
 * (RFC 6749 4.1.2.1 lists `server_error` among the redirectable codes).
 */
import type { ProviderContext } from '../context.js';
import { AuthorizationError, InvalidAuthenticationRequest, type OAuthError } from '../errors.js';
import { asOAuthError } from '../http/errors.js';
import type { AuthenticationRequest } from './request.js';
import { errorTarget } from './response.js';

/** The error as a redirectable `InvalidAuthenticationRequest` aimed at `request`'s RP. */
export function redirectableError(
  ctx: ProviderContext,
  error: unknown,
  request: AuthenticationRequest | undefined,
): OAuthError {
  const oauth = asOAuthError(error, ctx.logger);
  if (!request || (oauth instanceof InvalidAuthenticationRequest && oauth.target)) return oauth;
  return new AuthorizationError(oauth.error, oauth.message, errorTarget(ctx.issuer, request));
}
