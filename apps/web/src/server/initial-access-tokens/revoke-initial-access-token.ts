import type { ServiceDeps } from '../../graphql/context';
import { requireTenant } from '../claims/require-tenant';
import { notFound } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import {
  INITIAL_ACCESS_TOKEN_VIEW_SELECT,
  type InitialAccessTokenView,
  initialAccessTokenView,
} from './initial-access-token-view';

export interface RevokeInitialAccessTokenOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  id: string;
}

/**
 * Deletes an initial access token: the next registration presenting it is refused. Clients it
 * already registered stay. Returns what was revoked.
 *
 * @example const revoked = await revokeInitialAccessToken({ deps, principal, tenantId, id });
 */
export async function revokeInitialAccessToken(
  options: RevokeInitialAccessTokenOptions,
): Promise<InitialAccessTokenView> {
  const { deps, principal, tenantId, id } = options;
  assertTenantAccess(principal, tenantId);
  await requireTenant(deps.db, tenantId);
  const row = await recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'initial_access_token.revoke',
      objectType: 'initial_access_token',
      objectId: id,
      bumpConfigVersion: false,
      now: deps.now,
    },
    async (tx) => {
      const key = { tenantId_id: { tenantId, id } };
      const existing = await tx.initialAccessToken.findUnique({
        where: key,
        select: INITIAL_ACCESS_TOKEN_VIEW_SELECT,
      });
      if (!existing) throw notFound('initial access token', id);
      await tx.initialAccessToken.delete({ where: key });
      return existing;
    },
  );
  return initialAccessTokenView(row);
}
