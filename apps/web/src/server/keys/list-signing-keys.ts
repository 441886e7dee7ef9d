import type { ServiceDeps } from '../../graphql/context';
import { requireTenant } from '../claims/require-tenant';
import { assertTenantAccess, type Principal } from '../principal';
import { SIGNING_KEY_VIEW_SELECT, type SigningKeyView, signingKeyView } from './signing-key-view';

export interface ListSigningKeysOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
}

/**
 * The tenant's signing keys, newest first: what its JWKS publishes, with each key's state.
 * The private keys are not even read.
 *
 * @example const keys = await listSigningKeys({ deps, principal, tenantId });
 */
export async function listSigningKeys(options: ListSigningKeysOptions): Promise<SigningKeyView[]> {
  const { deps, principal, tenantId } = options;
  assertTenantAccess(principal, tenantId);
  await requireTenant(deps.db, tenantId);
  const rows = await deps.db.signingKey.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: 'desc' }, { kid: 'asc' }],
    select: SIGNING_KEY_VIEW_SELECT,
  });
  return rows.map(signingKeyView);
}
