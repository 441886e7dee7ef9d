/** Remembering what the end user consented to (OIDC Core 3.1.2.4), per user and client. */
import type { ProviderContext } from '../context.js';
import { requestedClaimNames } from './decide-prompt.js';
import type { AuthenticationRequest } from './request.js';

/**
 * Records the consent and returns the scope to grant: requested scopes the user accepted,
 * `openid` always (without it this is no OpenID request); scopes never requested are ignored.
 */
export async function saveConsent(
  ctx: ProviderContext,
  authRequest: AuthenticationRequest,
  userId: string,
  accepted: string[] | undefined,
): Promise<string[]> {
  const granted = authRequest.scope.filter(
    (scope) => scope === 'openid' || !accepted || accepted.includes(scope),
  );
  const previous = await ctx.stores.consents.get(userId, authRequest.clientId);
  await ctx.stores.consents.save({
    userId,
    clientId: authRequest.clientId,
    scopes: [...new Set([...(previous?.scopes ?? []), ...granted])],
    claims: [...new Set([...(previous?.claims ?? []), ...requestedClaimNames(authRequest)])],
    grantedAt: ctx.clock(),
  });
  return granted;
}
