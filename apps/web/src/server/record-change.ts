/**
 * Every write of the admin plane goes through `recordChange`: the work, the tenant's
 * `configVersion` bump (so every apps/op instance rebuilds the tenant's provider within its
 * refresh bound) and the audit event commit together or not at all.
 */
import { randomUUID } from 'node:crypto';
import type { Db, DbTransaction } from '@tessera/db';
import type { Principal } from './principal';

/** A Prisma client inside an interactive transaction. */
export type Tx = DbTransaction;

export interface ChangeOptions {
  db: Db;
  principal: Principal;
  /** The tenant the change belongs to; null for platform-level objects (API clients, operators). */
  tenantId: string | null;
  /** Dotted `domain.verb`, e.g. `client.create`, `tenant.settings.update`. */
  action: string;
  objectType: string;
  objectId?: string;
  /** What changed, for people reading the log; never secrets. */
  details?: Record<string, unknown>;
  /** Whether apps/op must rebuild the tenant's provider; default true when `tenantId` is set. */
  bumpConfigVersion?: boolean;
  now?: () => Date;
}

/**
 * @example
 * const client = await recordChange(
 *   { db, principal, tenantId, action: 'client.create', objectType: 'client', objectId: id },
 *   (tx) => tx.client.create({ data }),
 * );
 */
export async function recordChange<T>(
  options: ChangeOptions,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const { db, principal, tenantId } = options;
  const at = (options.now ?? (() => new Date()))();
  return db.$transaction(async (tx) => {
    const result = await work(tx);
    if (tenantId && (options.bumpConfigVersion ?? true)) {
      await tx.tenant.update({
        where: { id: tenantId },
        data: { configVersion: { increment: 1 } },
        select: { id: true },
      });
    }
    await tx.auditEvent.create({
      data: {
        id: randomUUID(),
        tenantId,
        actorType: principal.kind,
        actorId: principal.id,
        action: options.action,
        objectType: options.objectType,
        objectId: options.objectId ?? null,
        details: ((options.details ?? null) as object | null) ?? undefined,
        ip: principal.ip ?? null,
        at,
      },
      select: { id: true },
    });
    return result;
  });
}
