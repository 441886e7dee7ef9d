import type { ServiceDeps } from '../../graphql/context';
import { notFound, validationFailed } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { TENANT_VIEW_SELECT, type TenantView, tenantView } from './tenant-view';

export interface GetTenantOptions {
  deps: ServiceDeps;
  principal: Principal;
  id?: string | null;
  slug?: string | null;
}

/**
 * One tenant by id or slug. A tenant the principal does not administer is FORBIDDEN (also
 * when it does not exist, for non-operators: the answer never reveals other tenants).
 *
 * @example const tenant = await getTenant({ deps, principal, slug: 'acme' });
 */
export async function getTenant(options: GetTenantOptions): Promise<TenantView> {
  const { deps, principal } = options;
  if (!options.id === !options.slug) {
    throw validationFailed([{ path: 'id', message: 'Give exactly one of id and slug' }]);
  }
  const row = await deps.db.tenant.findUnique({
    where: options.id ? { id: options.id } : { slug: options.slug as string },
    select: TENANT_VIEW_SELECT,
  });
  if (!principal.platformOperator) assertTenantAccess(principal, row?.id ?? '');
  if (!row) throw notFound('tenant', options.id ?? (options.slug as string));
  return tenantView(row, deps.opPublicUrl);
}
