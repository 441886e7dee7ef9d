/**
 * The public `sub` a tenant issues for one of its users (OIDC Core 8), as the tenant's Provider
 * computes it from the subject salt in its settings. The platform recognises operators by the
 * `sub` the `admin` tenant issues (`Operator.subject`), so whoever creates an operator (the seed
 * in apps/op, the admin plane) must compute exactly this value.
 */
import { HashBasedSubjectIdentifierFactory } from '@tessera/core';
import type { TenantSettings } from './settings.js';

/**
 * @example
 * const subject = publicSubjectOf(parseTenantSettings(adminTenant.settings), user.id);
 */
export function publicSubjectOf(
  settings: Pick<TenantSettings, 'subjectSalt'>,
  userId: string,
): string {
  return new HashBasedSubjectIdentifierFactory(settings.subjectSalt).createPublicIdentifier(userId);
}
