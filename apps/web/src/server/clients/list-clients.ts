import type { ServiceDeps } from '../../graphql/context';
import { notFound } from '../errors';
import { decodeCursor, type Page, type PageArgs, pageOf, pageSize } from '../pagination';
import { assertTenantAccess, type Principal } from '../principal';
import { CLIENT_VIEW_SELECT, type ClientView, clientView } from './client-view';
import { searchClientIds } from './search-client-ids';

export interface ListClientsOptions extends PageArgs {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  /** Part of the client id or of `client_name`, case-insensitively. */
  search?: string | null;
}

/**
 * A tenant's clients by client id, a page at a time; searched in the database.
 *
 * @example const page = await listClients({ deps, principal, tenantId, search: 'shop', first: 20 });
 */
export async function listClients(options: ListClientsOptions): Promise<Page<ClientView>> {
  const { deps, principal, tenantId } = options;
  assertTenantAccess(principal, tenantId);
  const size = pageSize(options);
  const after = decodeCursor(options.after);
  const tenant = await deps.db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } });
  if (!tenant) throw notFound('tenant', tenantId);
  const search = options.search?.trim();
  if (search) {
    const found = await searchClientIds(deps, { tenantId, search, after, take: size + 1 });
    const rows = await deps.db.client.findMany({
      where: { tenantId, clientId: { in: found.clientIds } },
      orderBy: { clientId: 'asc' },
      select: CLIENT_VIEW_SELECT,
    });
    const page = pageOf(rows, size, (row) => row.clientId);
    return { ...page, nodes: page.nodes.map(clientView), totalCount: found.totalCount };
  }
  const [rows, totalCount] = await Promise.all([
    deps.db.client.findMany({
      where: { tenantId, ...(after !== undefined && { clientId: { gt: after } }) },
      orderBy: { clientId: 'asc' },
      take: size + 1,
      select: CLIENT_VIEW_SELECT,
    }),
    deps.db.client.count({ where: { tenantId } }),
  ]);
  const page = pageOf(rows, size, (row) => row.clientId);
  return { ...page, nodes: page.nodes.map(clientView), totalCount };
}
