import { createTransactionStores } from '@tessera/db';
import type { ServiceDeps } from '../../graphql/context';
import { notFound } from '../errors';
import { findAdminTenant } from '../operators/admin-tenant';
import { assertPlatformOperator, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { type ApiClientView, apiClientViews } from './api-client-view';

export interface DeleteApiClientOptions {
  deps: ServiceDeps;
  principal: Principal;
  /** The admin-tenant `client_id` (what `apiClients` lists as `clientId`). */
  clientId: string;
}

/**
 * Deletes an API client and its admin-tenant client with every token issued to it, in one
 * transaction: its bearer tokens stop working at once. Platform operators only.
 *
 * @example await deleteApiClient({ deps, principal, clientId: 'api-x7Yq...' });
 */
export async function deleteApiClient(options: DeleteApiClientOptions): Promise<ApiClientView> {
  const { deps, principal, clientId } = options;
  assertPlatformOperator(principal);
  const row = await deps.db.apiClient.findUnique({ where: { clientId } });
  if (!row) throw notFound('API client', clientId);
  const [view] = await apiClientViews(deps.db, [row]);
  const admin = await findAdminTenant(deps.db);
  await recordChange(
    {
      db: deps.db,
      principal,
      tenantId: null,
      action: 'api_client.delete',
      objectType: 'api_client',
      objectId: row.id,
      details: { clientId, name: row.name },
      now: deps.now,
    },
    async (tx) => {
      await tx.apiClient.delete({ where: { id: row.id }, select: { id: true } });
      // The client store's delete takes the tokens issued to the client along.
      await createTransactionStores(tx, admin.id, { secretBox: deps.secretBox }).clients.delete(
        clientId,
      );
    },
  );
  return view as ApiClientView;
}
