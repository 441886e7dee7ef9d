/**
 * The ID token of the code and refresh grants (OIDC Core 3.1.3.3, 12.2). It carries only the
 * claims requested for the ID token (`claims.id_token`); scope claims are for userinfo, as
 * pyOP did. `at_hash` binds it to the access token; there is no `c_hash` at this endpoint.
 */
import { selectClaims } from '../claims/claims-request.js';
import type { ProviderContext } from '../context.js';
import type { GrantRecord } from '../storage/ports.js';
import { signIdToken } from '../tokens/id-token.js';
import type { ClientRecord, UserRecord } from '../types.js';

export interface GrantIdTokenInput {
  client: ClientRecord;
  grant: GrantRecord;
  user: UserRecord;
  sub: string;
  accessToken: string;
  extraClaims: Record<string, unknown>;
  /** False on refresh: OIDC Core 12.2 says the new ID token SHOULD NOT contain a nonce. */
  includeNonce: boolean;
}

/** Signs the ID token with the client's registered algorithm. */
export function issueGrantIdToken(ctx: ProviderContext, input: GrantIdTokenInput): Promise<string> {
  const { client, grant } = input;
  const requested = grant.claims?.id_token ?? {};
  return signIdToken(ctx.keys, {
    issuer: ctx.issuer,
    clientId: client.clientId,
    sub: input.sub,
    now: ctx.clock(),
    lifetime: ctx.settings.lifetimes.idToken,
    alg: client.metadata.id_token_signed_response_alg ?? 'RS256',
    authTime: grant.authTime,
    nonce: input.includeNonce ? grant.nonce : undefined,
    acr: grant.acr,
    amr: grant.amr,
    sid: grant.sid,
    accessToken: input.accessToken,
    claims: selectClaims(input.user.claims, Object.keys(requested), requested),
    extraClaims: input.extraClaims,
  });
}
