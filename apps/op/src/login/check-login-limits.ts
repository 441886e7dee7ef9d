/**
 * The brute-force limits of one login attempt: failures counted per account, per client address
 * and per tenant within each limit's sliding window (semantics in `@tessera/db`'s
 * `login-limits.ts`). The attempt's own row is already stored when this runs, so concurrent
 * attempts count one another and parallel guessing cannot slip past a limit.
 */
import type { Db, LoginLimit, LoginLimits } from '@tessera/db';

export interface LoginAttemptKeys {
  tenantId: string;
  accountKey: string;
  address: string;
}

/**
 * Seconds until the attempt would be allowed, or undefined when no limit is reached. Counts
 * include the attempt's own row, so a limit of N lets the N-th failure through and refuses the
 * attempt after it.
 *
 * @example
 * const retryAfterSeconds = await checkLoginLimits({ db, keys, limits, at: now() });
 */
export async function checkLoginLimits(options: {
  db: Db;
  keys: LoginAttemptKeys;
  limits: LoginLimits;
  at: Date;
}): Promise<number | undefined> {
  const { db, keys, limits, at } = options;
  const { tenantId } = keys;
  const scopes: [LoginLimit, { tenantId: string; accountKey?: string; address?: string }][] = [
    [limits.perAccount, { tenantId, accountKey: keys.accountKey }],
    [limits.perAddress, { tenantId, address: keys.address }],
    [limits.perTenant, { tenantId }],
  ];
  const waits = await Promise.all(
    scopes.map(async ([limit, scope]) => {
      const where = { ...scope, at: { gt: new Date(at.getTime() - limit.windowSeconds * 1000) } };
      const earlier = (await db.loginFailure.count({ where })) - 1;
      if (earlier < limit.maxFailures) return 0;
      // Allowed again once `earlier - maxFailures + 1` failures have left the window: when the
      // failure at that position (oldest first) turns windowSeconds old.
      const pivot = await db.loginFailure.findFirst({
        where,
        orderBy: { at: 'asc' },
        skip: earlier - limit.maxFailures,
        select: { at: true },
      });
      const until = (pivot?.at.getTime() ?? at.getTime()) + limit.windowSeconds * 1000;
      return Math.max(1, Math.ceil((until - at.getTime()) / 1000));
    }),
  );
  const longest = Math.max(...waits);
  return longest > 0 ? longest : undefined;
}
