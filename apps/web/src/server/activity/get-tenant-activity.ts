import { activityCounts } from '@tessera/db';
import type { ServiceDeps } from '../../graphql/context';
import { requireTenant } from '../claims/require-tenant';
import { validationFailed } from '../errors';
import { assertTenantAccess, type Principal } from '../principal';
import { type ActivityFigures, emptyFigures, type TenantActivity } from './tenant-activity-view';

/** The longest window: the counters are kept 400 days, but charts of 90 days are what reads well. */
export const MAX_ACTIVITY_DAYS = 90;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface GetTenantActivityOptions {
  deps: ServiceDeps;
  principal: Principal;
  tenantId: string;
  days: number;
}

const FIGURE_OF = {
  sign_in: 'signIns',
  sign_in_failed: 'failedSignIns',
  token_issued: 'tokensIssued',
} as const satisfies Record<string, keyof ActivityFigures>;

/**
 * A tenant's activity over the last `days` days in hourly (`days` <= 2) or UTC-daily buckets, the
 * last bucket being the one `now` falls in: sign-ins, failed sign-ins and issued tokens from the
 * counters apps/op keeps, configuration changes from the audit log, and the sessions alive now.
 * Access is checked before any lookup (FORBIDDEN whether or not the tenant exists).
 *
 * @example const activity = await getTenantActivity({ deps, principal, tenantId, days: 14 });
 */
export async function getTenantActivity(
  options: GetTenantActivityOptions,
): Promise<TenantActivity> {
  const { deps, principal, tenantId, days } = options;
  assertTenantAccess(principal, tenantId);
  if (!Number.isInteger(days) || days < 1 || days > MAX_ACTIVITY_DAYS) {
    throw validationFailed([
      { path: 'days', message: `Give a whole number of days from 1 to ${MAX_ACTIVITY_DAYS}` },
    ]);
  }
  await requireTenant(deps.db, tenantId);

  const now = deps.now();
  const bucketMs = days <= 2 ? HOUR_MS : DAY_MS;
  const count = (days * DAY_MS) / bucketMs;
  const end = Math.floor(now.getTime() / bucketMs) * bucketMs + bucketMs;
  const from = new Date(end - count * bucketMs);
  const buckets = Array.from({ length: count }, (_, i) => ({
    start: new Date(from.getTime() + i * bucketMs),
    ...emptyFigures(),
  }));
  const bucketAt = (at: Date) => buckets[Math.floor((at.getTime() - from.getTime()) / bucketMs)];

  const [counters, changes, activeSessions] = await Promise.all([
    activityCounts(deps.db, tenantId, from, new Date(end)),
    deps.db.auditEvent.findMany({
      where: { tenantId, at: { gte: from, lt: new Date(end) } },
      select: { at: true },
    }),
    deps.db.session.count({ where: { tenantId, expiresAt: { gt: now } } }),
  ]);
  for (const row of counters) {
    const bucket = bucketAt(row.hour);
    if (bucket) bucket[FIGURE_OF[row.kind]] += row.count;
  }
  for (const change of changes) {
    const bucket = bucketAt(change.at);
    if (bucket) bucket.changes += 1;
  }
  const totals = emptyFigures();
  for (const bucket of buckets) {
    for (const key of Object.keys(totals) as (keyof ActivityFigures)[]) totals[key] += bucket[key];
  }
  return { from, to: now, bucketSeconds: bucketMs / 1000, buckets, totals, activeSessions };
}
