/** The two RFC 7591 3.2.2 error codes registration answers with, named after the field at fault. */
import { InvalidClientRegistrationRequest } from '../errors.js';

/** `invalid_client_metadata`: the description names the offending field so the developer can fix it. */
export function invalidMetadata(field: string, reason: string): InvalidClientRegistrationRequest {
  return new InvalidClientRegistrationRequest(
    `${field} ${reason}`,
    'invalid_client_metadata',
    field,
  );
}

/** `invalid_redirect_uri`: reserved for `redirect_uris` (RFC 7591 3.2.2). */
export function invalidRedirectUri(reason: string): InvalidClientRegistrationRequest {
  return new InvalidClientRegistrationRequest(
    `redirect_uris ${reason}`,
    'invalid_redirect_uri',
    'redirect_uris',
  );
}
