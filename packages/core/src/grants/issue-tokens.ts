/**
 * The common end of the code and refresh grants: an access token, the refresh token the grant
 * decided on, and an ID token, as one RFC 6749 5.1 response. The ID token's signature runs on
 * the crypto thread pool, so it is started first and the token writes happen while it runs;
 * nothing is returned before every write has completed.
 */
import type { ProviderContext } from '../context.js';
import type { GrantRecord } from '../storage/ports.js';
import type { ClientRecord, UserRecord } from '../types.js';
import { issueGrantIdToken } from './id-token.js';

export interface IssueTokensInput {
  client: ClientRecord;
  grant: GrantRecord;
  user: UserRecord;
  sub: string;
  /** The access token's scope (a refresh may narrow the grant's). */
  scope: string;
  /** The refresh token to return, possibly still being written. */
  refreshToken: Promise<string | undefined> | string | undefined;
  /** Host claims for the ID token, or undefined when no ID token is due. */
  idToken: { extraClaims: Record<string, unknown>; includeNonce: boolean } | undefined;
}

export async function issueTokens(
  ctx: ProviderContext,
  input: IssueTokensInput,
): Promise<Record<string, unknown>> {
  const { client, grant, user, sub, scope } = input;
  const accessToken = ctx.state.mintAccessToken({
    clientId: client.clientId,
    grantId: grant.id,
    userId: user.id,
    sub,
    scope,
    claims: grant.claims?.userinfo,
  });
  const signing = input.idToken
    ? issueGrantIdToken(ctx, {
        client,
        grant,
        user,
        sub,
        accessToken: accessToken.value,
        ...input.idToken,
      })
    : undefined;
  const [idToken, refreshToken] = await Promise.all([
    signing,
    input.refreshToken,
    accessToken.persisted,
  ]);
  return {
    access_token: accessToken.value,
    token_type: 'Bearer',
    expires_in: accessToken.expiresIn,
    ...(refreshToken !== undefined && { refresh_token: refreshToken }),
    ...(idToken !== undefined && { id_token: idToken }),
    ...(scope !== '' && { scope }),
  };
}
