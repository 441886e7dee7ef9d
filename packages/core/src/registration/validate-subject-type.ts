/**
 * `subject_type` and `default_acr_values` (OIDC Registration 2). The subject type must be one
 * the tenant offers. Default ACR values are only preferences, so, like pyOP, they are narrowed
 * to the values the tenant supports; with none in common the request is rejected.
 */
import type { ProviderSettings } from '../settings.js';
import { invalidMetadata } from './invalid-metadata.js';

export function validateSubjectType(
  metadata: Record<string, unknown>,
  settings: ProviderSettings,
): void {
  const type = metadata.subject_type;
  if (type !== undefined && !(settings.subjectTypes as unknown[]).includes(type)) {
    throw invalidMetadata('subject_type', `value '${String(type)}' is not supported`);
  }
}

/** The supported subset of the requested ACR values, or undefined when none were requested. */
export function narrowDefaultAcrValues(
  requested: string[] | undefined,
  settings: ProviderSettings,
): string[] | undefined {
  if (requested === undefined) return undefined;
  const common = requested.filter((value) => settings.acrValuesSupported.includes(value));
  if (common.length === 0) {
    throw invalidMetadata('default_acr_values', 'has no value this provider supports');
  }
  return common;
}
