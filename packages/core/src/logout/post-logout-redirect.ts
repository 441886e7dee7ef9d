/**
 * Where the browser goes once logout is done (or declined): the validated post-logout redirect
 * URI with `state`, else the host's logged-out page, else a minimal page of our own.
 */
import type { ProviderContext } from '../context.js';
import { htmlResponse, redirectResponse } from '../http/response.js';

/**
 * Appends `state` to a registered URI (RP-Initiated Logout 1.0, 3). Without a state the URI is
 * returned unchanged: pyOP appended a bare `?` (defect 13).
 *
 * @example withState('https://rp.example/bye?x=1', 's') // 'https://rp.example/bye?x=1&state=s'
 */
export function withState(uri: string, state: string | undefined): string {
  if (state === undefined) return uri;
  const separator = !uri.includes('?') ? '?' : /[?&]$/.test(uri) ? '' : '&';
  return `${uri}${separator}state=${encodeURIComponent(state)}`;
}

/** The final response of a logout; `cookies` are Set-Cookie values to send along. */
export function postLogoutResponse(
  ctx: ProviderContext,
  target: { postLogoutRedirectUri?: string; state?: string },
  loggedOut: boolean,
  cookies: string[],
): Response {
  const setCookies = cookies.map((value): [string, string] => ['set-cookie', value]);
  if (target.postLogoutRedirectUri !== undefined) {
    return redirectResponse(withState(target.postLogoutRedirectUri, target.state), setCookies);
  }
  if (loggedOut && ctx.loggedOutUrl) return redirectResponse(ctx.loggedOutUrl, setCookies);
  const response = loggedOut
    ? htmlResponse(200, 'Signed out', 'You have been signed out.')
    : htmlResponse(200, 'Still signed in', 'You are still signed in.');
  for (const [name, value] of setCookies) response.headers.append(name, value);
  return response;
}
