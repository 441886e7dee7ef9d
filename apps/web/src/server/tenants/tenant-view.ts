/** What the API shows of a tenant: its row, parsed settings, domains and OP endpoints. */
import { type Db, parseTenantSettings, type TenantSettings } from '@tessera/db';
import { notFound } from '../errors';

export interface TenantView {
  id: string;
  slug: string;
  name: string;
  status: string;
  configVersion: number;
  settings: TenantSettings;
  domains: string[];
  /** The path-based issuer; custom domains are issuers too (`https://{domain}`). */
  issuer: string;
  discoveryUrl: string;
  createdAt: Date;
  updatedAt: Date;
}

export const TENANT_VIEW_SELECT = {
  id: true,
  slug: true,
  name: true,
  status: true,
  configVersion: true,
  settings: true,
  createdAt: true,
  updatedAt: true,
  domains: { select: { domain: true }, orderBy: { domain: 'asc' } },
} as const;

type TenantRow = {
  id: string;
  slug: string;
  name: string;
  status: string;
  configVersion: number;
  settings: unknown;
  createdAt: Date;
  updatedAt: Date;
  domains: { domain: string }[];
};

export function tenantView(row: TenantRow, opPublicUrl: string): TenantView {
  const issuer = `${opPublicUrl}/${row.slug}`;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    configVersion: row.configVersion,
    settings: parseTenantSettings(row.settings),
    domains: row.domains.map((d) => d.domain),
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * A tenant as the API shows it, read after a change (so `configVersion` includes its bump).
 *
 * @example return loadTenantView(deps.db, tenantId, deps.opPublicUrl);
 */
export async function loadTenantView(
  db: Db,
  tenantId: string,
  opPublicUrl: string,
): Promise<TenantView> {
  const row = await db.tenant.findUnique({ where: { id: tenantId }, select: TENANT_VIEW_SELECT });
  if (!row) throw notFound('tenant', tenantId);
  return tenantView(row, opPublicUrl);
}
