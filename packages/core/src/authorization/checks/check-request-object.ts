/**
 * Request objects (OIDC Core 6): discovery advertises `request_parameter_supported` and
 * `request_uri_parameter_supported` as false, so both parameters get the OIDC Core 6.1/6.2 error
 * codes. pyOP decoded `request` without keys (unsigned objects accepted, signed ones crashed) and
 * silently ignored `request_uri` while advertising it (spec 12 defects 11 and 14).
 */
import { OAuthError } from '../../errors.js';
import type { Params } from '../../http/request.js';

/** Rejects `request` and `request_uri`. */
export function checkRequestObject(params: Params): void {
  if (params.has('request')) {
    throw new OAuthError('request_not_supported', 'The request parameter is not supported');
  }
  if (params.has('request_uri')) {
    throw new OAuthError('request_uri_not_supported', 'The request_uri parameter is not supported');
  }
}
