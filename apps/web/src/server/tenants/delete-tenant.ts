import type { ServiceDeps } from '../../graphql/context';
import { notFound, validationFailed } from '../errors';
import { assertPlatformOperator, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { isAdminTenant } from './admin-tenant';

export interface DeleteTenantOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  /** Must repeat the tenant's slug: deleting the wrong tenant cannot be undone. */
  confirmSlug: string;
}

/**
 * Deletes a tenant with all its data (clients, users, keys, tokens, sessions, domains, roles
 * granted on it), by the database's cascades, in one transaction. The audit log keeps its
 * events. The `admin` tenant cannot be deleted. Platform operators only.
 *
 * @example await deleteTenant({ deps, principal, tenantId, confirmSlug: 'acme' });
 */
export async function deleteTenant(options: DeleteTenantOptions): Promise<string> {
  const { deps, principal, tenantId } = options;
  assertPlatformOperator(principal);
  const tenant = await deps.db.tenant.findUnique({
    where: { id: tenantId },
    select: { slug: true, name: true },
  });
  if (!tenant) throw notFound('tenant', tenantId);
  if (isAdminTenant(tenant)) {
    throw validationFailed([
      {
        path: 'tenantId',
        message: 'The admin tenant cannot be deleted: operators and API clients sign in through it',
      },
    ]);
  }
  if (options.confirmSlug !== tenant.slug) {
    throw validationFailed([
      { path: 'confirmSlug', message: "Must repeat the slug of the tenant you're deleting" },
    ]);
  }
  await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'tenant.delete',
      objectType: 'tenant',
      objectId: tenantId,
      details: { slug: tenant.slug, name: tenant.name },
      // Nothing is left to bump: apps/op forgets the tenant at its next directory refresh.
      bumpConfigVersion: false,
      now: deps.now,
    },
    (tx) => tx.tenant.delete({ where: { id: tenantId }, select: { id: true } }),
  );
  return tenantId;
}
