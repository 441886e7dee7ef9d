import type { ServiceDeps } from '../../graphql/context';
import { decodeCursor, type Page, type PageArgs, pageOf, pageSize } from '../pagination';
import type { Principal } from '../principal';
import { TENANT_VIEW_SELECT, type TenantView, tenantView } from './tenant-view';

export interface ListTenantsOptions extends PageArgs {
  deps: ServiceDeps;
  principal: Principal;
  /** Matches slug or name, case-insensitively. */
  search?: string | null;
  status?: 'active' | 'disabled' | null;
}

/**
 * The tenants the principal may see, by slug, a page at a time; searched in the database so it
 * stays fast with many tenants.
 *
 * @example const page = await listTenants({ deps, principal, search: 'acme', first: 20 });
 */
export async function listTenants(options: ListTenantsOptions): Promise<Page<TenantView>> {
  const { deps, principal } = options;
  const size = pageSize(options);
  const after = decodeCursor(options.after);
  const search = options.search?.trim();
  // PostgreSQL compares case-sensitively unless asked; SQLite's LIKE ignores ASCII case already.
  const contains = (value: string) =>
    deps.provider === 'postgresql'
      ? { contains: value, mode: 'insensitive' as const }
      : { contains: value };
  const where = {
    ...(!principal.platformOperator && { id: { in: [...principal.tenantIds] } }),
    ...(options.status && { status: options.status }),
    ...(search && { OR: [{ slug: contains(search.toLowerCase()) }, { name: contains(search) }] }),
  };
  const [rows, totalCount] = await Promise.all([
    deps.db.tenant.findMany({
      where: { ...where, ...(after !== undefined && { slug: { gt: after } }) },
      orderBy: { slug: 'asc' },
      take: size + 1,
      select: TENANT_VIEW_SELECT,
    }),
    deps.db.tenant.count({ where }),
  ]);
  const page = pageOf(rows, size, (row) => row.slug);
  return {
    ...page,
    nodes: page.nodes.map((row) => tenantView(row, deps.opPublicUrl)),
    totalCount,
  };
}
