/**
 * When a code exchange also yields a refresh token. pyOP issued one whenever a lifetime was
 * configured; here the client must also be allowed the refresh_token grant, and a tenant can
 * demand `offline_access` (OIDC Core 11) before any refresh token is handed out.
 */
import { splitScope } from '../claims/scopes.js';
import type { ProviderContext } from '../context.js';
import type { ClientRecord } from '../types.js';

/** Whether a refresh token accompanies the access token for `scope`. */
export function mayIssueRefreshToken(
  ctx: ProviderContext,
  client: ClientRecord,
  scope: string,
): boolean {
  const { settings } = ctx;
  if (settings.lifetimes.refreshToken === undefined) return false;
  if (!settings.grantTypes.includes('refresh_token')) return false;
  if (!client.metadata.grant_types?.includes('refresh_token')) return false;
  return (
    !settings.refreshTokensRequireOfflineAccess || splitScope(scope).includes('offline_access')
  );
}
