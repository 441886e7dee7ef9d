/**
 * Who is calling, and the two checks every service makes. Platform operators may act on every
 * tenant; tenant admins only on the tenants granted to them. A tenant outside the caller's
 * grants is FORBIDDEN, for every operation alike.
 */
import { AppError, forbidden } from './errors';

export type Role = 'platform_operator' | 'tenant_admin';

export interface Principal {
  /** `operator` signs in to the console; `api_client` uses client credentials; `cli` is the shell. */
  kind: 'operator' | 'api_client' | 'cli';
  /** Operator id, admin-tenant client id, or `cli`. */
  id: string;
  /** For the audit log and `me`. */
  name: string;
  platformOperator: boolean;
  /** Tenant ids this principal administers (ignored for platform operators). */
  tenantIds: ReadonlySet<string>;
  /** The caller's address, for the audit log. */
  ip?: string;
}

/** The operator's shell: full access, audited as `cli`. */
export const CLI_PRINCIPAL: Principal = {
  kind: 'cli',
  id: 'cli',
  name: 'command line',
  platformOperator: true,
  tenantIds: new Set(),
};

/** @example assertTenantAccess(principal, tenantId) // throws FORBIDDEN */
export function assertTenantAccess(principal: Principal, tenantId: string): void {
  if (!canAccessTenant(principal, tenantId)) throw forbidden('You do not administer this tenant');
}

export function canAccessTenant(principal: Principal, tenantId: string): boolean {
  return principal.platformOperator || principal.tenantIds.has(tenantId);
}

/** Platform-wide operations (create or delete tenants, API clients, operators). */
export function assertPlatformOperator(principal: Principal): void {
  if (!principal.platformOperator) throw forbidden('Only platform operators may do this');
}

/** Resolvers call this first: no principal, no data. */
export function requirePrincipal(principal: Principal | undefined): Principal {
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in or send a bearer token');
  return principal;
}
