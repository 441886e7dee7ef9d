/**
 * Custom domains: apps/op looks a request's Host up (lower-cased, port removed) among them, and
 * the domain becomes an issuer origin (`https://{domain}`). So a domain is a bare, lower-case DNS
 * host name: no scheme, port or path, no IP address, no trailing dot.
 */

/** RFC 1035: 253 characters in text form, 63 per label. */
const MAX_DOMAIN_LENGTH = 253;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The stored form: trimmed and lower-cased (host names are case-insensitive). */
export const normalizeDomain = (domain: string): string => domain.trim().toLowerCase();

/**
 * Why `domain` (normalised) cannot be a custom domain, or undefined when it can.
 *
 * @example domainProblem('https://id.acme.com') // 'must be a host name without a scheme'
 */
export function domainProblem(domain: string, platformHost: string): string | undefined {
  if (domain.includes('://')) return 'must be a host name without a scheme (https://)';
  if (domain.includes('/')) return 'must be a host name without a path';
  if (domain.includes(':')) return 'must be a host name without a port';
  if (domain.length > MAX_DOMAIN_LENGTH) return `must be at most ${MAX_DOMAIN_LENGTH} characters`;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) {
    return 'must be a host name such as id.example.com (letters, digits, hyphens and dots)';
  }
  if (/^[0-9]+$/.test(labels.at(-1) as string)) return 'must be a host name, not an IP address';
  if (domain === platformHost) return "is the platform's own host name";
  return undefined;
}
