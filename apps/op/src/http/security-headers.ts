/**
 * Headers on every response of the OP (pages add their CSP in next.config.ts; the core sets its
 * own caching and CSP for the documents it renders).
 */
export const securityHeaders: ReadonlyArray<readonly [string, string]> = [
  ['x-content-type-options', 'nosniff'],
  // Authorization responses carry codes in URLs; never leak them to the next site in Referer.
  ['referrer-policy', 'no-referrer'],
  ['x-frame-options', 'DENY'],
];
