import type { ServiceDeps } from '../../graphql/context';
import { decodeCursor, type Page, type PageArgs, pageOf, pageSize } from '../pagination';
import { assertPlatformOperator, type Principal } from '../principal';
import { type ApiClientView, apiClientViews } from './api-client-view';

export interface ListApiClientsOptions extends PageArgs {
  deps: ServiceDeps;
  principal: Principal;
}

/**
 * API clients with their roles, by client id, a page at a time. Platform operators only.
 *
 * @example const page = await listApiClients({ deps, principal, first: 20 });
 */
export async function listApiClients(options: ListApiClientsOptions): Promise<Page<ApiClientView>> {
  const { deps, principal } = options;
  assertPlatformOperator(principal);
  const size = pageSize(options);
  const after = decodeCursor(options.after);
  const [rows, totalCount] = await Promise.all([
    deps.db.apiClient.findMany({
      ...(after !== undefined && { where: { clientId: { gt: after } } }),
      orderBy: { clientId: 'asc' },
      take: size + 1,
    }),
    deps.db.apiClient.count(),
  ]);
  const page = pageOf(rows, size, (row) => row.clientId);
  return { ...page, nodes: await apiClientViews(deps.db, page.nodes), totalCount };
}
