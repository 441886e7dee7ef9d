import { getTenant } from '../server/tenants/get-tenant';
import type { TenantView } from '../server/tenants/tenant-view';
import type { CliContext } from './command';

/** The tenant a `--tenant <slug>` option names (NOT_FOUND when there is none). */
export function tenantBySlug(context: CliContext, slug: string): Promise<TenantView> {
  return getTenant({ ...context, slug });
}
