/**
 * Cross-origin form posts are refused before anything else runs: browsers send `Origin` with
 * every POST, and a form of ours always posts to its own issuer's origin. A request without the
 * header (older clients, scripts) passes on to the CSRF token check.
 */

/**
 * @example if (!isAllowedOrigin(request, issuer)) return errorPage(403, 'request_forbidden');
 */
export function isAllowedOrigin(request: Request, issuer: string): boolean {
  const origin = request.headers.get('origin');
  // "null" (opaque origins: sandboxed frames, privacy redirects) is not our origin either.
  return origin === null || origin === new URL(issuer).origin;
}
