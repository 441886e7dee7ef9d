/**
 * What the API shows of a tenant's settings: the values in force (the tenant's overrides over
 * the engine's defaults), never the subject salt.
 */
import { type ProviderSettings, resolveSettings } from '@tessera/core';
import {
  type Branding,
  type LoginLimits,
  type TenantSettings,
  toProviderSettings,
} from '@tessera/db';

export type ProtocolSettingsView = Pick<
  ProviderSettings,
  | 'lifetimes'
  | 'responseTypes'
  | 'grantTypes'
  | 'tokenEndpointAuthMethods'
  | 'signingAlgorithms'
  | 'subjectTypes'
  | 'pkce'
  | 'registration'
  | 'refreshTokensRequireOfflineAccess'
  | 'idTokenOnRefresh'
  | 'extraScopes'
  | 'claimsSupported'
>;

export interface TenantSettingsView {
  protocol: ProtocolSettingsView;
  branding: Branding;
  loginLimits: LoginLimits;
  defaultLocale: string;
}

/** @example settingsView(tenant.settings).protocol.lifetimes.accessToken // 3600 */
export function settingsView(settings: TenantSettings): TenantSettingsView {
  return {
    protocol: resolveSettings(toProviderSettings(settings)),
    branding: settings.branding,
    loginLimits: settings.loginLimits,
    defaultLocale: settings.defaultLocale,
  };
}
