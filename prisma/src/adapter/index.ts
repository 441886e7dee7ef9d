/**
 * Tenant-scoped stores over Prisma, implementing every port of `@tessera/core` on SQLite and
 * PostgreSQL. The tenant id is fixed when the stores are built (see `scope.ts`); no method takes
 * one, so no query can leave the tenant.
 *
 * @example
 * const adapter = createPrismaAdapter(database.prisma, { secretBox });
 * const provider = await Provider.create({ stores: adapter.forTenant(tenant.id), ... });
 */
import type { TenantStores } from '@tessera/core';
import type { Db } from '../database/index.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { accessTokenStore } from './access-tokens.js';
import { clientStore } from './clients.js';
import { codeStore } from './codes.js';
import { consentStore } from './consents.js';
import { grantStore } from './grants.js';
import { interactionStore } from './interactions.js';
import { keyStore } from './keys.js';
import { refreshTokenStore } from './refresh-tokens.js';
import { replayStore } from './replay.js';
import { type TenantScope, tenantScope } from './scope.js';
import { sessionStore } from './sessions.js';
import { subjectStore } from './subjects.js';
import { userStore } from './users.js';

export interface PrismaAdapterOptions {
  /** Encrypts private signing keys and clear client secrets at rest. */
  secretBox: SecretBox;
}

/** Every store of one tenant. The tenant row must exist (foreign keys). */
export function createTenantStores(
  db: Db,
  tenantId: string,
  options: PrismaAdapterOptions,
): TenantStores {
  return storesOf(tenantScope(db, tenantId, options.secretBox));
}

/** The client of an interactive transaction, `tx` in `db.$transaction(async (tx) => ...)`. */
export type DbTransaction = Omit<
  Db,
  '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'
>;

/**
 * Every store of one tenant, writing inside an interactive transaction the caller runs (the admin
 * plane commits a change with its audit event). The stores' multi-statement writes join that
 * transaction instead of opening their own, which Prisma cannot nest.
 *
 * @example
 * await db.$transaction(async (tx) => {
 *   await createTransactionStores(tx, tenantId, { secretBox }).clients.delete(clientId);
 *   await tx.auditEvent.create({ data });
 * });
 */
export function createTransactionStores(
  tx: DbTransaction,
  tenantId: string,
  options: PrismaAdapterOptions,
): TenantStores {
  // Safe: a scope built with `inTransaction` never calls `$transaction` or manages connections.
  const scope = tenantScope(tx as Db, tenantId, options.secretBox, { inTransaction: true });
  return storesOf(scope);
}

function storesOf(scope: TenantScope): TenantStores {
  return {
    clients: clientStore(scope),
    users: userStore(scope),
    grants: grantStore(scope),
    codes: codeStore(scope),
    accessTokens: accessTokenStore(scope),
    refreshTokens: refreshTokenStore(scope),
    subjects: subjectStore(scope),
    sessions: sessionStore(scope),
    interactions: interactionStore(scope),
    consents: consentStore(scope),
    keys: keyStore(scope),
    replay: replayStore(scope),
  };
}

export interface PrismaAdapter {
  forTenant(tenantId: string): TenantStores;
}

/** One database, many tenants: `forTenant` builds a tenant's stores (cheap, no query). */
export function createPrismaAdapter(db: Db, options: PrismaAdapterOptions): PrismaAdapter {
  return { forTenant: (tenantId) => createTenantStores(db, tenantId, options) };
}

export {
  ACTIVITY_KINDS,
  ACTIVITY_RETENTION_DAYS,
  type ActivityCountRow,
  type ActivityIncrement,
  type ActivityKind,
  activityCounts,
  recordActivity,
  startOfHour,
} from './activity.js';
export { clientSecretContext } from './clients.js';
export { isUniqueViolation } from './convert.js';
export { signingKeyContext } from './keys.js';
export { SWEEP_BATCH_SIZE, type SweepCounts, type SweepOptions, sweepExpired } from './sweep.js';
export { type StartSweeperOptions, type Sweeper, startSweeper } from './sweeper.js';
