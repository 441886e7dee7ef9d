import type { ServiceDeps } from '../../graphql/context';
import { validationFailed } from '../errors';
import { decodeCursor, type Page, type PageArgs, pageOf, pageSize } from '../pagination';
import { assertTenantAccess, type Principal } from '../principal';

export interface AuditEventView {
  id: string;
  /** Null for platform-level events (API clients, operators). */
  tenantId: string | null;
  actorType: string;
  actorId: string;
  action: string;
  objectType: string;
  objectId: string | null;
  details: unknown;
  ip: string | null;
  at: Date;
}

export interface ListAuditEventsOptions extends PageArgs {
  deps: ServiceDeps;
  principal: Principal;
  tenantId?: string | null;
  actorId?: string | null;
  objectType?: string | null;
  objectId?: string | null;
  /** Exact action, e.g. `tenant.settings.update`. */
  action?: string | null;
  /** Events at or after this time. */
  from?: Date | null;
  /** Events before this time. */
  to?: Date | null;
}

/**
 * The audit log, newest first, a page at a time. Platform operators see every event; tenant
 * admins only events of the tenants they administer (asking for another tenant is FORBIDDEN),
 * never platform-level ones. Read-only: nothing in the API changes or removes an event.
 *
 * @example const page = await listAuditEvents({ deps, principal, tenantId, first: 50 });
 */
export async function listAuditEvents(
  options: ListAuditEventsOptions,
): Promise<Page<AuditEventView>> {
  const { deps, principal } = options;
  const size = pageSize(options);
  const after = parseCursor(decodeCursor(options.after));
  if (options.tenantId) assertTenantAccess(principal, options.tenantId);
  if (options.from && options.to && options.from >= options.to) {
    throw validationFailed([{ path: 'to', message: 'Must be later than from' }]);
  }
  const visibleTenants =
    options.tenantId || principal.platformOperator
      ? {}
      : { tenantId: { in: [...principal.tenantIds] } };
  const rows = await deps.db.auditEvent.findMany({
    where: {
      ...visibleTenants,
      ...(options.tenantId && { tenantId: options.tenantId }),
      ...(options.actorId && { actorId: options.actorId }),
      ...(options.objectType && { objectType: options.objectType }),
      ...(options.objectId && { objectId: options.objectId }),
      ...(options.action && { action: options.action }),
      AND: [
        {
          at: { ...(options.from && { gte: options.from }), ...(options.to && { lt: options.to }) },
        },
        after ? { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] } : {},
      ],
    },
    // (at, id): events written in the same millisecond still have one stable order.
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: size + 1,
  });
  return pageOf(rows, size, (row) => `${row.at.toISOString()}|${row.id}`);
}

function parseCursor(key: string | undefined): { at: Date; id: string } | undefined {
  if (key === undefined) return undefined;
  const separator = key.indexOf('|');
  const at = new Date(key.slice(0, separator));
  if (separator < 0 || Number.isNaN(at.getTime())) {
    throw validationFailed([{ path: 'after', message: 'Not a cursor from this list' }]);
  }
  return { at, id: key.slice(separator + 1) };
}
