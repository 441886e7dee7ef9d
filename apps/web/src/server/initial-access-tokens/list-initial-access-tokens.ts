import type { ServiceDeps } from '../../graphql/context';
import { requireTenant } from '../claims/require-tenant';
import { assertTenantAccess, type Principal } from '../principal';
import {
  INITIAL_ACCESS_TOKEN_VIEW_SELECT,
  type InitialAccessTokenView,
  initialAccessTokenView,
} from './initial-access-token-view';

export interface ListInitialAccessTokensOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
}

/**
 * The tenant's initial access tokens, newest first, expired ones included (until revoked or
 * swept), so operators see what is still out there. The tokens themselves are not stored.
 *
 * @example const tokens = await listInitialAccessTokens({ deps, principal, tenantId });
 */
export async function listInitialAccessTokens(
  options: ListInitialAccessTokensOptions,
): Promise<InitialAccessTokenView[]> {
  const { deps, principal, tenantId } = options;
  assertTenantAccess(principal, tenantId);
  await requireTenant(deps.db, tenantId);
  const rows = await deps.db.initialAccessToken.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: INITIAL_ACCESS_TOKEN_VIEW_SELECT,
  });
  return rows.map(initialAccessTokenView);
}
