import type { ServiceDeps } from '../../graphql/context';
import type { Principal } from '../principal';

export interface MeView {
  kind: Principal['kind'];
  id: string;
  name: string;
  platformOperator: boolean;
  /** Slugs of the tenants this principal administers (all for platform operators: empty here). */
  tenantSlugs: string[];
}

/**
 * The caller and its roles.
 *
 * @example const me = await getMe({ deps, principal });
 */
export async function getMe(options: { deps: ServiceDeps; principal: Principal }): Promise<MeView> {
  const { deps, principal } = options;
  const tenants = principal.platformOperator
    ? []
    : await deps.db.tenant.findMany({
        where: { id: { in: [...principal.tenantIds] } },
        select: { slug: true },
        orderBy: { slug: 'asc' },
      });
  return {
    kind: principal.kind,
    id: principal.id,
    name: principal.name,
    platformOperator: principal.platformOperator,
    tenantSlugs: tenants.map((t) => t.slug),
  };
}
