/**
 * Headers on every response of the OP (pages add their CSP in next.config.ts; the core sets its
 * own caching and CSP for the documents it renders).
 */
export const securityHeaders: ReadonlyArray<readonly [string, string]> = [
  ['x-content-type-options', 'nosniff'],
  // Authorization responses carry codes in URLs; never leak them to the next site in Referer.
  // Not no-referrer: with it, browsers send `Origin: null` on our own form posts, and the login
  // form's origin check (src/interaction/check-origin.ts) would refuse every real browser.
  ['referrer-policy', 'same-origin'],
  ['x-frame-options', 'DENY'],
];
