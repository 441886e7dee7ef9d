/** The shape every grant type shares; the token endpoint looks one up by `grant_type`. */
import type { ProviderContext } from '../context.js';
import type { Params } from '../http/request.js';
import type { ClientRecord, ExtraClaims, GrantType } from '../types.js';

/** The successful token response body (RFC 6749 5.1, OIDC Core 3.1.3.3). */
export type TokenResponse = Record<string, unknown>;

export interface Grant {
  grantType: GrantType;
  /** Runs the grant for an already authenticated client; throws an `OAuthError` on failure. */
  handle(
    ctx: ProviderContext,
    client: ClientRecord,
    params: Params,
    extraClaims: ExtraClaims | undefined,
  ): Promise<TokenResponse>;
}
