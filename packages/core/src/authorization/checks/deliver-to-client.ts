/**
 * Once the client and redirect URI are trusted, every error goes back to the client (RFC 6749
 * 4.1.2.1 / 4.2.2.1) with `state` and `iss` (RFC 9207). This turns whatever a check or a host
 * validator threw into such an error; unexpected exceptions become `server_error`, the code
 * RFC 6749 defines exactly because a 500 cannot travel through a redirect.
 */
import type { Logger } from '../../context.js';
import {
  type AuthorizationErrorTarget,
  InvalidAuthenticationRequest,
  InvalidRedirectURI,
  type OAuthError,
} from '../../errors.js';
import { asOAuthError } from '../../http/errors.js';

/** Returns the error to throw, addressed to `target` unless it must never redirect. */
export function deliverToClient(
  error: unknown,
  target: AuthorizationErrorTarget,
  logger: Logger,
): OAuthError {
  if (error instanceof InvalidRedirectURI) return error;
  if (error instanceof InvalidAuthenticationRequest) {
    // Keep the host's error object (and its cause) as thrown; only give it a destination.
    error.target ??= target;
    return error;
  }
  const oauthError = asOAuthError(error, logger);
  return new InvalidAuthenticationRequest(oauthError.error, oauthError.message, target, {
    cause: error,
    status: oauthError.status,
  });
}
