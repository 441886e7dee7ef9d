import type { ServiceDeps } from '../../graphql/context';
import { decodeCursor, type Page, type PageArgs, pageOf, pageSize } from '../pagination';
import { assertTenantAccess, type Principal } from '../principal';
import { searchUserIds } from './search-user-ids';
import { requireTenantRow } from './user-rows';
import { USER_VIEW_SELECT, type UserView, userView } from './user-view';

export interface ListUsersOptions extends PageArgs {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  /** Part of the login name, email address or `name` claim, case-insensitively. */
  search?: string | null;
}

/**
 * A tenant's users by login name, a page at a time; searched in the database so it stays fast
 * with many users.
 *
 * @example const page = await listUsers({ deps, principal, tenantId, search: 'ada', first: 20 });
 */
export async function listUsers(options: ListUsersOptions): Promise<Page<UserView>> {
  const { deps, principal, tenantId } = options;
  assertTenantAccess(principal, tenantId);
  const size = pageSize(options);
  const after = decodeCursor(options.after);
  await requireTenantRow(deps.db, tenantId);
  const search = options.search?.trim();
  const [rows, totalCount] = search
    ? await searchedPage(deps, { tenantId, search, after, take: size + 1 })
    : await Promise.all([
        deps.db.user.findMany({
          where: { tenantId, ...(after !== undefined && { loginName: { gt: after } }) },
          orderBy: { loginName: 'asc' },
          take: size + 1,
          select: USER_VIEW_SELECT,
        }),
        deps.db.user.count({ where: { tenantId } }),
      ]);
  const page = pageOf(rows, size, (row) => row.loginName);
  return { ...page, nodes: page.nodes.map(userView), totalCount };
}

async function searchedPage(deps: ServiceDeps, query: Parameters<typeof searchUserIds>[1]) {
  const found = await searchUserIds(deps, query);
  const rows = await deps.db.user.findMany({
    where: { tenantId: query.tenantId, id: { in: found.userIds } },
    orderBy: { loginName: 'asc' },
    select: USER_VIEW_SELECT,
  });
  return [rows, found.totalCount] as const;
}
