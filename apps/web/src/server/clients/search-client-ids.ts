/**
 * The client ids of one page of a search by client id or `client_name` (inside the metadata
 * JSON), case-insensitively and in the database. Typed Prisma filters cannot lower-case a JSON
 * value, so this is hand-written SQL; `->>` extracts a JSON text on SQLite (3.38+) and
 * PostgreSQL alike.
 */
import type { ServiceDeps } from '../../graphql/context';
import { containsPattern } from '../search-pattern';

export interface ClientSearch {
  tenantId: string;
  search: string;
  /** The last client id of the previous page. */
  after: string | undefined;
  take: number;
}

/** @example const { clientIds, totalCount } = await searchClientIds(deps, { tenantId, search, after, take }); */
export async function searchClientIds(
  deps: ServiceDeps,
  query: ClientSearch,
): Promise<{ clientIds: string[]; totalCount: number }> {
  const { tenantId, take } = query;
  const pattern = containsPattern(query.search);
  const after = query.after ?? '';
  const [rows, counted] = await Promise.all([
    deps.db.$queryRaw<{ clientId: string }[]>`
      SELECT "clientId" FROM "Client"
      WHERE "tenantId" = ${tenantId} AND "clientId" > ${after}
        AND (lower("clientId") LIKE ${pattern} ESCAPE '\\'
          OR lower("metadata"->>'client_name') LIKE ${pattern} ESCAPE '\\')
      ORDER BY "clientId" LIMIT ${take}`,
    deps.db.$queryRaw<{ count: bigint | number }[]>`
      SELECT COUNT(*) AS "count" FROM "Client"
      WHERE "tenantId" = ${tenantId}
        AND (lower("clientId") LIKE ${pattern} ESCAPE '\\'
          OR lower("metadata"->>'client_name') LIKE ${pattern} ESCAPE '\\')`,
  ]);
  return { clientIds: rows.map((row) => row.clientId), totalCount: Number(counted[0]?.count ?? 0) };
}
