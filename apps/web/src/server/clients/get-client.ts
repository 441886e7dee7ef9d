import type { ServiceDeps } from '../../graphql/context';
import { notFound } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { CLIENT_VIEW_SELECT, type ClientView, clientView } from './client-view';

export interface GetClientOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  clientId: string;
}

/**
 * One client of a tenant. Its secret is never readable: only its presence (`hasSecret`).
 *
 * @example const client = await getClient({ deps, principal, tenantId, clientId: 'shop' });
 */
export async function getClient(options: GetClientOptions): Promise<ClientView> {
  const { deps, principal, tenantId, clientId } = options;
  assertTenantAccess(principal, tenantId);
  const row = await deps.db.client.findUnique({
    where: { tenantId_clientId: { tenantId, clientId } },
    select: CLIENT_VIEW_SELECT,
  });
  if (!row) throw notFound('client', clientId);
  return clientView(row);
}
