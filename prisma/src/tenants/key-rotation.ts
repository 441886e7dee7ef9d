/**
 * A tenant's scheduled signing-key rotation (`settings.keyRotation`). apps/op rotates a key once
 * it has signed for `intervalDays`, and stops publishing a retired key `overlapDays` after its
 * retirement. Without a schedule keys are only rotated on request, and retired keys are still
 * pruned after `DEFAULT_KEY_OVERLAP_DAYS`, so manual rotations do not grow the JWKS forever.
 */
import { z } from 'zod';

/**
 * ID tokens live a day at most (MAX_TOKEN_LIFETIME): a retired key must stay published at least
 * that long, or tokens it signed shortly before its retirement stop verifying.
 */
export const MIN_KEY_OVERLAP_DAYS = 1;
/** A retired key published for more than a year only enlarges every JWKS fetch. */
export const MAX_KEY_OVERLAP_DAYS = 366;
/** Ten years: past that a schedule is no schedule. */
export const MAX_KEY_ROTATION_INTERVAL_DAYS = 3660;
/** How long retired keys stay published when the tenant has no schedule. */
export const DEFAULT_KEY_OVERLAP_DAYS = 7;

export const keyRotationScheduleSchema = z.object({
  /** Days an active key signs before the scheduled rotation replaces it. */
  intervalDays: z.int().min(1).max(MAX_KEY_ROTATION_INTERVAL_DAYS),
  /** Days a retired key stays published, so tokens it signed keep verifying. */
  overlapDays: z.int().min(MIN_KEY_OVERLAP_DAYS).max(MAX_KEY_OVERLAP_DAYS),
});

export type KeyRotationSchedule = z.infer<typeof keyRotationScheduleSchema>;

/**
 * The schedule stored in a settings document, or undefined when there is none or it is invalid
 * (a background job reads many tenants and must not fail on one bad document).
 *
 * @example keyRotationOf(tenant.settings) // { intervalDays: 90, overlapDays: 7 } | undefined
 */
export function keyRotationOf(settings: unknown): KeyRotationSchedule | undefined {
  if (typeof settings !== 'object' || settings === null) return undefined;
  const result = keyRotationScheduleSchema.safeParse(
    (settings as { keyRotation?: unknown }).keyRotation,
  );
  return result.success ? result.data : undefined;
}
