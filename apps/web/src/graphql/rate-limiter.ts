/**
 * Requests per principal (or per address for anonymous callers), a token bucket per key kept in
 * memory: each instance limits its own share, which behind a load balancer bounds the total to
 * instances x rate. Buckets of idle keys are forgotten.
 */

/** Sustained requests per second per principal. */
export const RATE_PER_SECOND = 20;
/** Requests a principal may send at once before the sustained rate applies (a console page load). */
export const RATE_BURST = 60;
/** Keys tracked at most; beyond this the oldest buckets are dropped (they were full anyway). */
const MAX_KEYS = 10_000;

export interface RateLimiter {
  /** True when `key` may make a request now (and counts it). */
  take(key: string): boolean;
}

/** @example if (!limiter.take(principal.id)) return tooManyRequests(); */
export function createRateLimiter(
  options: { perSecond?: number; burst?: number; now?: () => number } = {},
): RateLimiter {
  const perSecond = options.perSecond ?? RATE_PER_SECOND;
  const burst = options.burst ?? RATE_BURST;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: burst, at: time };
      bucket.tokens = Math.min(burst, bucket.tokens + ((time - bucket.at) / 1000) * perSecond);
      bucket.at = time;
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > MAX_KEYS) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}
