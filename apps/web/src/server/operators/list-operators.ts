import type { ServiceDeps } from '../../graphql/context';
import { decodeCursor, type Page, type PageArgs, pageOf, pageSize } from '../pagination';
import { assertPlatformOperator, type Principal } from '../principal';
import { OPERATOR_VIEW_SELECT, type OperatorView, operatorView } from './operator-view';

export interface ListOperatorsOptions extends PageArgs {
  deps: ServiceDeps;
  principal: Principal;
}

/**
 * Every operator with its roles, by email, a page at a time. Platform operators only: the list
 * names people and the tenants they run.
 *
 * @example const page = await listOperators({ deps, principal, first: 50 });
 */
export async function listOperators(options: ListOperatorsOptions): Promise<Page<OperatorView>> {
  const { deps, principal } = options;
  assertPlatformOperator(principal);
  const size = pageSize(options);
  const after = decodeCursor(options.after);
  const [rows, totalCount] = await Promise.all([
    deps.db.operator.findMany({
      ...(after !== undefined && { where: { email: { gt: after } } }),
      orderBy: { email: 'asc' },
      take: size + 1,
      select: OPERATOR_VIEW_SELECT,
    }),
    deps.db.operator.count(),
  ]);
  const page = pageOf(rows, size, (row) => row.email);
  return { ...page, nodes: page.nodes.map(operatorView), totalCount };
}
