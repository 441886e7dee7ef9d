/**
 * Token revocation (RFC 7009). A client may revoke only its own tokens; revoking a refresh
 * token revokes its whole grant (2.1), access tokens included. An unknown token, or another
 * client's, still gets 200 (2.2) so the endpoint cannot be used to probe tokens.
 */
import { authenticateClient } from '../client-auth/authenticate-client.js';
import type { ProviderContext } from '../context.js';
import { InvalidTokenRequest } from '../errors.js';
import { readForm } from '../http/request.js';
import { NO_STORE } from '../http/response.js';
import { hashToken } from '../tokens/hash.js';
import { CORS_HEADERS, clientErrorResponse } from './token.js';
import { findToken } from './token-lookup.js';

/** Serves the revocation endpoint. */
export async function handleRevocation(ctx: ProviderContext, request: Request): Promise<Response> {
  try {
    const params = await readForm(request);
    const client = await authenticateClient(ctx, request, params, { endpoint: 'revocation' });
    const token = params.get('token');
    if (token === undefined) throw new InvalidTokenRequest("Missing required parameter 'token'");
    const found = await findToken(ctx, token, params.get('token_type_hint'));
    if (found && found.record.clientId === client.clientId) {
      if (found.type === 'refresh_token') await ctx.stores.grants.revoke(found.record.grantId);
      else await ctx.stores.accessTokens.revoke(hashToken(token));
    }
    return new Response(null, { status: 200, headers: { ...NO_STORE, ...CORS_HEADERS } });
  } catch (error) {
    return clientErrorResponse(ctx, request, error, CORS_HEADERS);
  }
}
