/**
 * Errors of the tenants module. Callers switch on `code` (dotted `domain.reason`, as elsewhere
 * in Tessera); `issues` name the fields at fault so an admin can repair the document.
 */

export type TenantSettingsErrorCode =
  /** The stored or submitted settings document does not match `tenantSettingsSchema`. */
  'tenant_settings.invalid';

/** One problem of a settings document: the dotted path of the field (`branding.logoUrl`). */
export interface TenantSettingsIssue {
  path: string;
  message: string;
}

/** A tenant's settings document is invalid; nothing of it was used. */
export class TenantSettingsError extends Error {
  readonly code: TenantSettingsErrorCode = 'tenant_settings.invalid';
  readonly issues: readonly TenantSettingsIssue[];

  constructor(issues: readonly TenantSettingsIssue[]) {
    super(
      `Invalid tenant settings: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
    );
    this.name = 'TenantSettingsError';
    this.issues = issues;
  }
}
