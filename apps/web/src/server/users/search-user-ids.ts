/**
 * The user ids of one page of a search by login name, email or `name` claim, case-insensitively
 * and in the database. Typed Prisma filters cannot lower-case a JSON value, so this is
 * hand-written SQL; `->>` extracts a JSON text on SQLite (3.38+) and PostgreSQL alike.
 */
import type { ServiceDeps } from '../../graphql/context';
import { containsPattern } from '../search-pattern';

export interface UserSearch {
  tenantId: string;
  search: string;
  /** The last login name of the previous page. */
  after: string | undefined;
  take: number;
}

/** @example const { userIds, totalCount } = await searchUserIds(deps, { tenantId, search, after, take }); */
export async function searchUserIds(
  deps: ServiceDeps,
  query: UserSearch,
): Promise<{ userIds: string[]; totalCount: number }> {
  const { tenantId, take } = query;
  const pattern = containsPattern(query.search);
  const after = query.after ?? '';
  const [rows, counted] = await Promise.all([
    deps.db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "User"
      WHERE "tenantId" = ${tenantId} AND "loginName" > ${after}
        AND (lower("loginName") LIKE ${pattern} ESCAPE '\\'
          OR lower("email") LIKE ${pattern} ESCAPE '\\'
          OR lower("claims"->>'name') LIKE ${pattern} ESCAPE '\\')
      ORDER BY "loginName" LIMIT ${take}`,
    deps.db.$queryRaw<{ count: bigint | number }[]>`
      SELECT COUNT(*) AS "count" FROM "User"
      WHERE "tenantId" = ${tenantId}
        AND (lower("loginName") LIKE ${pattern} ESCAPE '\\'
          OR lower("email") LIKE ${pattern} ESCAPE '\\'
          OR lower("claims"->>'name') LIKE ${pattern} ESCAPE '\\')`,
  ]);
  return { userIds: rows.map((row) => row.id), totalCount: Number(counted[0]?.count ?? 0) };
}
