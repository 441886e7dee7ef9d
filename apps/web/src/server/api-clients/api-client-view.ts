/** What the API shows of an API client: its admin-tenant client id, name and roles (never secrets). */
import { type ApiClientRoles, apiClientRolesSchema } from '../../auth/roles';
import type { Role } from '../principal';
import type { Tx } from '../record-change';

export interface ApiClientRoleView {
  role: Role;
  tenantId: string | null;
  /** Null when the role is platform-wide, or the tenant was deleted since. */
  tenantSlug: string | null;
}

export interface ApiClientView {
  id: string;
  /** `client_id` at the admin tenant: what the client sends to its token endpoint. */
  clientId: string;
  name: string;
  roles: ApiClientRoleView[];
  createdAt: Date;
}

type ApiClientRow = { id: string; clientId: string; name: string; roles: unknown; createdAt: Date };

/** Views of `rows`, their tenants named by slug (one query for the whole list). */
export async function apiClientViews(
  db: Tx,
  rows: readonly ApiClientRow[],
): Promise<ApiClientView[]> {
  const rolesOf = (row: ApiClientRow): ApiClientRoles => {
    // An unreadable roles document grants nothing (as in authentication), so it shows none.
    const parsed = apiClientRolesSchema.safeParse(row.roles);
    return parsed.success ? parsed.data : [];
  };
  const tenantIds = [
    ...new Set(
      rows.flatMap((row) => rolesOf(row).flatMap((r) => ('tenantId' in r ? [r.tenantId] : []))),
    ),
  ];
  const tenants =
    tenantIds.length === 0
      ? []
      : await db.tenant.findMany({
          where: { id: { in: tenantIds } },
          select: { id: true, slug: true },
        });
  const slugOf = new Map(tenants.map((t) => [t.id, t.slug]));
  return rows.map((row) => ({
    id: row.id,
    clientId: row.clientId,
    name: row.name,
    roles: rolesOf(row).map((r) =>
      r.role === 'tenant_admin'
        ? { role: r.role, tenantId: r.tenantId, tenantSlug: slugOf.get(r.tenantId) ?? null }
        : { role: r.role, tenantId: null, tenantSlug: null },
    ),
    createdAt: row.createdAt,
  }));
}
