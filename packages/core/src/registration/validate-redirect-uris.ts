/**
 * Redirect URI rules (OIDC Registration 2 `application_type`, RFC 8252 7, RFC 6749 3.1.2):
 * absolute, no fragment; web clients use https only (and implicit web clients not localhost);
 * native clients use a private-use scheme, an http loopback URL, or a claimed https URL.
 * The same rules serve `post_logout_redirect_uris` with a different error code.
 */
import type { ApplicationType } from '../types.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Schemes a browser would execute or read locally instead of handing to an app. */
const FORBIDDEN_SCHEMES = new Set(['javascript:', 'data:', 'file:', 'vbscript:', 'blob:']);

export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

export interface RedirectUriPolicy {
  applicationType: ApplicationType;
  /** Implicit web clients must not use localhost (OIDC Registration 2). */
  implicit: boolean;
}

/** The reason `uri` breaks the policy, or undefined when it is acceptable. */
export function redirectUriProblem(uri: string, policy: RedirectUriPolicy): string | undefined {
  if (!URL.canParse(uri)) return `'${uri}' is not an absolute URL`;
  if (uri.includes('#')) return `'${uri}' must not contain a fragment (RFC 6749 3.1.2)`;
  const url = new URL(uri);
  if (FORBIDDEN_SCHEMES.has(url.protocol)) return `'${uri}' uses a forbidden scheme`;
  if (policy.applicationType === 'web') {
    if (url.protocol !== 'https:') return `'${uri}' must use https for a web client`;
    if (policy.implicit && isLoopbackUrl(url)) {
      return `'${uri}' must not use localhost for an implicit web client`;
    }
    return undefined;
  }
  if (url.protocol === 'http:' && !isLoopbackUrl(url)) {
    return `'${uri}' may use http only on a loopback address for a native client`;
  }
  return undefined;
}
