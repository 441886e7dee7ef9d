/**
 * The one place where the tenant condition enters a query. Every store receives a `TenantScope`
 * built from the tenant id when the stores are created; `where` and `data` are the only ways the
 * stores name rows, so a query without `tenantId` cannot be written through them.
 */
import type { Db } from '../database/index.js';
import type { SecretBox } from '../secrets/secret-box.js';

export interface TenantScope {
  readonly tenantId: string;
  readonly db: Db;
  readonly secrets: SecretBox;
  /** A filter with the tenant condition added. */
  where<T extends object>(filter: T): T & { tenantId: string };
  /** Row data with the tenant id set. */
  data<T extends object>(row: T): T & { tenantId: string };
}

export function tenantScope(db: Db, tenantId: string, secrets: SecretBox): TenantScope {
  if (!tenantId) throw new TypeError('A tenant id is required');
  return {
    tenantId,
    db,
    secrets,
    where: (filter) => ({ ...filter, tenantId }),
    data: (row) => ({ ...row, tenantId }),
  };
}
