/**
 * The redirect URI must be exactly (string-equal, no normalisation) one the client registered
 * (OIDC Core 3.1.2.1, RFC 6749 3.1.2.3, RFC 9700 4.1.3). Until it is, errors are shown to the end
 * user and never redirected (RFC 6749 4.1.2.1); `InvalidRedirectURI` has no error URL.
 */
import { InvalidRedirectURI } from '../../errors.js';
import type { Params } from '../../http/request.js';
import type { ClientRecord } from '../../types.js';

/** Returns the trusted redirect URI. */
export function checkRedirectUri(client: ClientRecord, params: Params): string {
  const redirectUri = params.get('redirect_uri');
  if (redirectUri === undefined) {
    throw new InvalidRedirectURI("Missing required parameter 'redirect_uri'");
  }
  // pyOP did a substring match when the metadata held a string; only a list counts here.
  const registered = client.metadata.redirect_uris;
  if (!Array.isArray(registered) || registered.length === 0) {
    throw new InvalidRedirectURI('No redirect uri registered for this client');
  }
  if (!registered.includes(redirectUri)) {
    throw new InvalidRedirectURI('Redirect uri is not registered for this client');
  }
  // A registered value that is not an absolute URL could not carry an error response either.
  if (!URL.canParse(redirectUri)) {
    throw new InvalidRedirectURI('Registered redirect uri is not an absolute URL');
  }
  return redirectUri;
}
