/**
 * A tenant's current configuration objects as the document sees them, read through the list
 * services (so access is checked as for any other read). The admin tenant's clients that the
 * platform manages itself (the console, API clients) are left out: no document may change or
 * prune them.
 */
import { CONSOLE_CLIENT_ID } from '../../auth/console-client';
import type { ServiceDeps } from '../../graphql/context';
import type { ClientView } from '../clients/client-view';
import { listClients } from '../clients/list-clients';
import { MAX_PAGE_SIZE } from '../pagination';
import type { Principal } from '../principal';
import { ADMIN_TENANT_SLUG } from '../tenants/admin-tenant';

interface Scope {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
}

/** Every client of the tenant the document manages, by client id. */
export async function documentClients(
  scope: Scope & { slug: string },
): Promise<Map<string, ClientView>> {
  const clients = new Map<string, ClientView>();
  let after: string | null = null;
  do {
    const page = await listClients({ ...scope, first: MAX_PAGE_SIZE, after });
    for (const client of page.nodes) clients.set(client.clientId, client);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  for (const clientId of await platformClientIds(scope.deps, scope.slug)) clients.delete(clientId);
  return clients;
}

async function platformClientIds(deps: ServiceDeps, slug: string): Promise<string[]> {
  if (slug !== ADMIN_TENANT_SLUG) return [];
  const apiClients = await deps.db.apiClient.findMany({ select: { clientId: true } });
  return [CONSOLE_CLIENT_ID, ...apiClients.map((c) => c.clientId)];
}
