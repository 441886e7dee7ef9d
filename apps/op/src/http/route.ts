/**
 * Which part of the app answers a request: the protocol fast lane (the tenant's core
 * `Provider`), the interaction form handler, Next.js (pages and assets), or an error for an
 * unknown or unavailable tenant. The tenant is resolved here, once per request.
 */
import { ENDPOINT_PATHS } from '@tessera/core';
import { RESERVED_SLUGS, SLUG_PATTERN } from '@tessera/db';
import type { TenantDirectory, TenantEntry } from '../tenants/tenant-directory';

const PROTOCOL_PATHS: ReadonlySet<string> = new Set(Object.values(ENDPOINT_PATHS));
const REGISTRATION_PREFIX = `${ENDPOINT_PATHS.registration}/`;
/** Interaction form submissions: `POST {issuer}/interaction/{id}`. */
const INTERACTION_SUBMIT = /^\/interaction\/([A-Za-z0-9_-]{1,128})$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type OpRoute =
  | { kind: 'health' }
  | { kind: 'ready' }
  /** Not tenant-specific (Next assets, the root page): Next answers. */
  | { kind: 'next' }
  | { kind: 'unknown-tenant' }
  | { kind: 'unavailable-tenant'; tenant: TenantEntry }
  /** `endpoint`: the path below the issuer (`/token`, `/register/{id}`). */
  | { kind: 'protocol'; tenant: TenantEntry; issuer: string; endpoint: string }
  | { kind: 'interaction'; tenant: TenantEntry; issuer: string; interactionId: string }
  /** A tenant page; `path` is the path Next must see (`/{slug}/...`, also on custom domains). */
  | { kind: 'page'; tenant: TenantEntry; issuer: string; path: string };

export interface RouteInput {
  method: string;
  /** Path without the query. */
  pathname: string;
  /** The Host header (may include a port). */
  host: string | undefined;
}

export interface Router {
  route(input: RouteInput): Promise<OpRoute>;
}

/**
 * @example
 * const router = createRouter({ directory, publicUrl: 'https://op.example.com' });
 * await router.route({ method: 'GET', pathname: '/acme/jwks', host: 'op.example.com' });
 */
export function createRouter(options: { directory: TenantDirectory; publicUrl: string }): Router {
  const { directory, publicUrl } = options;
  const publicHost = new URL(publicUrl).host;

  return {
    async route({ method, pathname, host }) {
      if (pathname === '/healthz') return { kind: 'health' };
      if (pathname === '/readyz') return { kind: 'ready' };
      const requestHost = host?.toLowerCase();
      if (requestHost && requestHost !== publicHost) {
        // Next's assets are the same for every host; only tenant paths get the slug prefix.
        if (pathname.startsWith('/_next/')) return { kind: 'next' };
        const tenant = await directory.byHost(hostName(requestHost));
        if (tenant) {
          // Next's routes are /[tenant]/...: a custom domain's pages get the slug prefixed.
          return tenantRoute(
            tenant,
            customOrigin(requestHost),
            method,
            pathname,
            `/${tenant.slug}${pathname}`,
          );
        }
      }
      const slug = pathname.split('/', 2)[1] ?? '';
      if (!SLUG_PATTERN.test(slug) || RESERVED_SLUGS.has(slug)) return { kind: 'next' };
      const tenant = await directory.bySlug(slug);
      if (!tenant) return { kind: 'unknown-tenant' };
      const rest = pathname.slice(slug.length + 1);
      return tenantRoute(tenant, `${publicUrl}/${slug}`, method, rest, pathname);
    },
  };
}

function tenantRoute(
  tenant: TenantEntry,
  issuer: string,
  method: string,
  rest: string,
  nextPath: string,
): OpRoute {
  if (tenant.status !== 'active') return { kind: 'unavailable-tenant', tenant };
  if (PROTOCOL_PATHS.has(rest) || rest.startsWith(REGISTRATION_PREFIX)) {
    return { kind: 'protocol', tenant, issuer, endpoint: rest };
  }
  const submit = method === 'POST' ? INTERACTION_SUBMIT.exec(rest) : null;
  if (submit) return { kind: 'interaction', tenant, issuer, interactionId: submit[1] as string };
  return { kind: 'page', tenant, issuer, path: nextPath };
}

/**
 * The issuer a tenant page serves under, from the Host the browser used: its custom domain's
 * origin, or the path-based issuer on the public URL.
 */
export function issuerFor(
  tenant: TenantEntry,
  host: string | undefined,
  publicUrl: string,
): string {
  const requestHost = host?.toLowerCase();
  if (requestHost && tenant.domains.includes(hostName(requestHost))) {
    return customOrigin(requestHost);
  }
  return `${publicUrl}/${tenant.slug}`;
}

function hostName(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? host);
}

// Custom domains are served over https; plain http only for local development hosts
// (`localhost`, `*.localhost`, loopback addresses).
function customOrigin(host: string): string {
  const name = hostName(host);
  const local = LOCAL_HOSTS.has(name) || name.endsWith('.localhost');
  return `${local ? 'http' : 'https'}://${host}`;
}
