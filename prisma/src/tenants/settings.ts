/**
 * The document in `Tenant.settings`: protocol overrides, the subject salt, branding, login limits
 * and the default locale. This schema is its documentation; apps/op reads it through
 * `parseTenantSettings` and the admin plane validates writes with `tenantSettingsSchema`.
 * Unknown fields are dropped on read, so an instance of an older release still serves a tenant
 * whose document a newer release extended.
 */
import { randomBytes } from 'node:crypto';
import type { RandomSource, SettingsInput } from '@tessera/core';
import { z } from 'zod';
import { brandingSchema } from './branding.js';
import { TenantSettingsError } from './errors.js';
import { keyRotationScheduleSchema } from './key-rotation.js';
import { loginLimitsSchema } from './login-limits.js';
import { protocolSettingsSchema } from './protocol-settings.js';

/** 128 bits at least: the salt is all that keeps public `sub` values from being recomputed. */
export const MIN_SUBJECT_SALT_LENGTH = 22;
const SUBJECT_SALT_BYTES = 32;

export const tenantSettingsSchema = z.object({
  protocol: protocolSettingsSchema.prefault({}),
  /** Salt of the hash-based `sub` values; set once at creation, changing it changes every `sub`. */
  subjectSalt: z.string().min(MIN_SUBJECT_SALT_LENGTH).max(200),
  branding: brandingSchema,
  loginLimits: loginLimitsSchema,
  /** BCP 47 language tag of the login pages when the request names none (`ui_locales`). */
  defaultLocale: z
    .string()
    .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i, { error: 'must be a BCP 47 language tag' })
    .default('en'),
  /** Scheduled signing-key rotation (apps/op's rotation job); absent: rotate on request only. */
  keyRotation: keyRotationScheduleSchema.optional(),
});

/** A complete settings document, defaults filled in. */
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

/**
 * Validates a stored settings document and fills its defaults. Throws `TenantSettingsError`
 * (code `tenant_settings.invalid`) naming every field at fault.
 *
 * @example
 * const settings = parseTenantSettings(tenant.settings);
 * const provider = await Provider.create({ settings: toProviderSettings(settings), ... });
 */
export function parseTenantSettings(json: unknown): TenantSettings {
  const result = tenantSettingsSchema.safeParse(json);
  if (result.success) return result.data;
  throw new TenantSettingsError(
    result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  );
}

/**
 * The engine's settings input for a tenant: only the overrides the document sets, so every other
 * setting keeps `@tessera/core`'s default.
 *
 * @example
 * Provider.create({ settings: toProviderSettings(settings), subjectSalt: settings.subjectSalt, ... });
 */
export function toProviderSettings(settings: TenantSettings): SettingsInput {
  const { lifetimes, pkce, ...rest } = settings.protocol;
  // `resolveSettings` spreads the input over the defaults, so an explicit undefined would erase one.
  return withoutUndefined({
    ...rest,
    ...(lifetimes && { lifetimes: withoutUndefined(lifetimes) }),
    ...(pkce && { pkce: withoutUndefined(pkce) }),
  });
}

/** Refresh-token lifetime of a new tenant: 30 days, then the user signs in again. */
export const NEW_TENANT_REFRESH_TOKEN_LIFETIME = 30 * 24 * 3600;

/**
 * The settings of a new tenant: engine defaults, a 30-day refresh-token lifetime and a fresh
 * random subject salt.
 *
 * @example
 * await db.tenant.create({ data: { id, slug, name, settings: newTenantSettings() } });
 */
export function newTenantSettings(random: RandomSource = randomBytes): TenantSettings {
  const salt = Buffer.from(random(SUBJECT_SALT_BYTES)).toString('base64url');
  // Relying parties expect refresh tokens where they registered the refresh_token grant; the
  // engine issues none without a lifetime (pyOP), so new tenants start with one.
  return parseTenantSettings({
    subjectSalt: salt,
    protocol: { lifetimes: { refreshToken: NEW_TENANT_REFRESH_TOKEN_LIFETIME } },
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
