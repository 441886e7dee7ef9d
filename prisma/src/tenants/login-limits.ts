/**
 * Brute-force limits of a tenant's password login. Each limit counts failed logins in a sliding
 * window; once `maxFailures` failures lie within the last `windowSeconds`, further attempts are
 * refused without checking the password until enough failures have left the window. There is no
 * separate lockout period: a reached limit lasts at most `windowSeconds` after the failure that
 * reached it, and refused attempts are not counted, so an attacker who keeps trying cannot
 * extend a legitimate user's lockout.
 */
import { z } from 'zod';

const FIFTEEN_MINUTES = 15 * 60;

/** Guessing one account's password: 5 tries per 15 minutes allow typos, not a dictionary. */
export const DEFAULT_ACCOUNT_LIMIT = { maxFailures: 5, windowSeconds: FIFTEEN_MINUTES } as const;
/** Password spraying from one address across many accounts; leaves room for a shared NAT. */
export const DEFAULT_ADDRESS_LIMIT = { maxFailures: 20, windowSeconds: FIFTEEN_MINUTES } as const;
/**
 * Credential stuffing spread over many addresses: the tenant-wide brake. Reaching it refuses
 * every login of the tenant for a while, so it sits far above honest failure rates.
 */
export const DEFAULT_TENANT_LIMIT = { maxFailures: 1000, windowSeconds: FIFTEEN_MINUTES } as const;

/** A day: longer windows would keep failure rows (and lockouts) around without real benefit. */
export const MAX_LOGIN_WINDOW_SECONDS = 24 * 60 * 60;
/** Counting queries stay cheap and the limit stays meaningful. */
export const MAX_LOGIN_FAILURES = 100_000;

function limitSchema(defaults: { maxFailures: number; windowSeconds: number }) {
  return z
    .object({
      maxFailures: z.int().positive().max(MAX_LOGIN_FAILURES).default(defaults.maxFailures),
      windowSeconds: z
        .int()
        .positive()
        .max(MAX_LOGIN_WINDOW_SECONDS)
        .default(defaults.windowSeconds),
    })
    .prefault({});
}

export const loginLimitsSchema = z
  .object({
    perAccount: limitSchema(DEFAULT_ACCOUNT_LIMIT),
    perAddress: limitSchema(DEFAULT_ADDRESS_LIMIT),
    perTenant: limitSchema(DEFAULT_TENANT_LIMIT),
  })
  .prefault({});

export type LoginLimits = z.infer<typeof loginLimitsSchema>;
export type LoginLimit = LoginLimits['perAccount'];
