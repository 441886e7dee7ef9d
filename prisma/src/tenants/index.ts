// Tenant documents: the schema of `Tenant.settings` and its mapping to the engine's settings.
export { type Branding, brandingSchema, MAX_LOGO_URL_LENGTH } from './branding.js';
export {
  TenantSettingsError,
  type TenantSettingsErrorCode,
  type TenantSettingsIssue,
} from './errors.js';
export {
  DEFAULT_KEY_OVERLAP_DAYS,
  type KeyRotationSchedule,
  keyRotationOf,
  keyRotationScheduleSchema,
  MAX_KEY_OVERLAP_DAYS,
  MAX_KEY_ROTATION_INTERVAL_DAYS,
  MIN_KEY_OVERLAP_DAYS,
} from './key-rotation.js';
export {
  DEFAULT_ACCOUNT_LIMIT,
  DEFAULT_ADDRESS_LIMIT,
  DEFAULT_TENANT_LIMIT,
  type LoginLimit,
  type LoginLimits,
  loginLimitsSchema,
} from './login-limits.js';
export { type ProtocolSettings, protocolSettingsSchema } from './protocol-settings.js';
export { publicSubjectOf } from './public-subject.js';
export {
  newTenantSettings,
  parseTenantSettings,
  type TenantSettings,
  tenantSettingsSchema,
  toProviderSettings,
} from './settings.js';
export { ADMIN_TENANT_SLUG, RESERVED_SLUGS, SLUG_PATTERN, slugProblem } from './slug.js';
