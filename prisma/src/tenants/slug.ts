// Tenant slugs: the first path segment of a path-based issuer (`${OP_PUBLIC_URL}/{slug}`).

/** DNS-label shaped: lower-case letters, digits and inner hyphens, 1–63 characters. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * First path segments apps/op uses itself; no tenant may take them as its slug.
 * (`api` is kept free for the platform's own routes.)
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  '_next',
  'api',
  'healthz',
  'readyz',
  'favicon.ico',
  'robots.txt',
  'static',
  'public',
  'assets',
  '.well-known',
]);

/**
 * Why `slug` cannot name a tenant, or undefined when it can.
 *
 * @example slugProblem('api') // 'is reserved for the platform's own routes'
 */
export function slugProblem(slug: string): string | undefined {
  if (!SLUG_PATTERN.test(slug)) {
    return 'must be 1 to 63 lower-case letters, digits or inner hyphens';
  }
  if (RESERVED_SLUGS.has(slug)) return "is reserved for the platform's own routes";
  return undefined;
}

/**
 * The platform's own tenant: operators sign in to the console through it and API clients get
 * their tokens from it. apps/op seeds it; it may be neither disabled nor deleted.
 */
export const ADMIN_TENANT_SLUG = 'admin';
