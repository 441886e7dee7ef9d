import type { ServiceDeps } from '../../graphql/context';
import { notFound } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { recordChange } from '../record-change';
import { clientAuditDetails, transactionClientStore } from './client-store';
import { CLIENT_VIEW_SELECT, type ClientView, clientView } from './client-view';

export interface DeleteClientOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  clientId: string;
}

/**
 * Deletes a client with everything issued to it (grants, codes, access and refresh tokens,
 * consents: the core client store's delete), in the change's transaction. Returns what was
 * removed.
 *
 * @example const removed = await deleteClient({ deps, principal, tenantId, clientId: 'shop' });
 */
export async function deleteClient(options: DeleteClientOptions): Promise<ClientView> {
  const { deps, principal, tenantId, clientId } = options;
  assertTenantAccess(principal, tenantId);
  const row = await deps.db.client.findUnique({
    where: { tenantId_clientId: { tenantId, clientId } },
    select: CLIENT_VIEW_SELECT,
  });
  if (!row) throw notFound('client', clientId);
  return recordChange(
    {
      db: deps.db,
      principal,
      tenantId,
      action: 'client.delete',
      objectType: 'client',
      objectId: clientId,
      details: clientAuditDetails(row.metadata as Record<string, unknown>),
      bumpConfigVersion: false,
      now: deps.now,
    },
    async (tx) => {
      // False: deleted by a concurrent call since the read above.
      if (!(await transactionClientStore(tx, tenantId, deps.secretBox).delete(clientId))) {
        throw notFound('client', clientId);
      }
      return clientView(row);
    },
  );
}
