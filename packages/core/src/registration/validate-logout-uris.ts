/**
 * URIs used outside the authorization flow: `post_logout_redirect_uris` (OIDC RP-Initiated
 * Logout 3.1, same scheme rules as redirect URIs), `backchannel_logout_uri` (OIDC Back-Channel
 * Logout 2.2: absolute, no fragment; https, http only on loopback for development) and
 * `initiate_login_uri` (OIDC Registration 2: https).
 */
import type { ApplicationType } from '../types.js';
import { invalidMetadata } from './invalid-metadata.js';
import { isLoopbackUrl, redirectUriProblem } from './validate-redirect-uris.js';

export function validateLogoutUris(
  metadata: Record<string, unknown>,
  applicationType: ApplicationType,
): void {
  for (const uri of (metadata.post_logout_redirect_uris as string[] | undefined) ?? []) {
    const problem = redirectUriProblem(uri, { applicationType, implicit: false });
    if (problem) throw invalidMetadata('post_logout_redirect_uris', problem);
  }
  const backchannel = metadata.backchannel_logout_uri;
  if (typeof backchannel === 'string') {
    const url = new URL(backchannel);
    if (backchannel.includes('#')) {
      throw invalidMetadata('backchannel_logout_uri', 'must not contain a fragment');
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(url))) {
      throw invalidMetadata('backchannel_logout_uri', 'must use https');
    }
  }
  const initiate = metadata.initiate_login_uri;
  if (typeof initiate === 'string' && new URL(initiate).protocol !== 'https:') {
    throw invalidMetadata('initiate_login_uri', 'must use https');
  }
}
