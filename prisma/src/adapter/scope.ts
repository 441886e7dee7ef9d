/**
 * The one place where the tenant condition enters a query. Every store is built from a
 * `TenantScope` whose tenant id was fixed when the stores were created; `where` and `data` are
 * the only ways the stores name rows, so a store cannot express a query without `tenantId`.
 * Compound unique keys (`tenantId_sub`, ...) are written as `scope.where({ sub })` too.
 */
import type { Db } from '../database/index.js';
import type { SecretBox } from '../secrets/secret-box.js';

export interface TenantScope {
  readonly tenantId: string;
  readonly db: Db;
  readonly secretBox: SecretBox;
  /** A filter (or compound key) with the tenant condition added; it wins over any `tenantId` given. */
  where<T extends object>(filter: T): T & { tenantId: string };
  /** Row data with the tenant id set. */
  data<T extends object>(row: T): T & { tenantId: string };
}

/**
 * @example const scope = tenantScope(db, 'tenant-1', secretBox);
 * await scope.db.grant.findFirst({ where: scope.where({ id }) });
 */
export function tenantScope(db: Db, tenantId: string, secretBox: SecretBox): TenantScope {
  if (typeof tenantId !== 'string' || tenantId === '')
    throw new TypeError('A tenant id is required');
  return {
    tenantId,
    db,
    secretBox,
    // Spread first, tenant last: a caller-supplied `tenantId` can never widen the scope.
    where: (filter) => ({ ...filter, tenantId }),
    data: (row) => ({ ...row, tenantId }),
  };
}
