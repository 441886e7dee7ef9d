/**
 * Token introspection (RFC 7662). Callers are authenticated confidential clients: resource
 * servers are registered as clients of the tenant and may introspect any access token of it;
 * a refresh token is only described to the client it was issued to. Anything unknown, expired,
 * revoked or not for this caller is just `{active: false}` (2.2), so nothing leaks.
 */
import { authenticateClient, registeredAuthMethod } from '../client-auth/authenticate-client.js';
import { clientAuthenticationFailed } from '../client-auth/failure.js';
import type { ProviderContext } from '../context.js';
import { InvalidTokenRequest } from '../errors.js';
import { readForm } from '../http/request.js';
import { jsonResponse } from '../http/response.js';
import type { ClientRecord } from '../types.js';
import { clientErrorResponse } from './token.js';
import { type FoundToken, findToken } from './token-lookup.js';

const INACTIVE = { active: false } as const;

/** Whether the grant behind a token still stands and its user may still use it. */
async function grantStillValid(
  ctx: ProviderContext,
  grantId: string | undefined,
): Promise<boolean> {
  if (grantId === undefined) return true;
  const grant = await ctx.stores.grants.get(grantId);
  if (!grant) return false;
  if (grant.userId === undefined) return true;
  const user = await ctx.stores.users.get(grant.userId);
  return user !== undefined && !user.disabled;
}

async function describe(
  ctx: ProviderContext,
  caller: ClientRecord,
  found: FoundToken | undefined,
): Promise<Record<string, unknown>> {
  if (!found) return INACTIVE;
  const now = ctx.clock();
  const { record } = found;
  if (record.expiresAt !== undefined && record.expiresAt < now) return INACTIVE;
  if (!(await grantStillValid(ctx, record.grantId))) return INACTIVE;
  let sub: string | undefined;
  if (found.type === 'refresh_token') {
    if (found.record.clientId !== caller.clientId || found.record.consumedAt !== undefined) {
      return INACTIVE;
    }
    sub = (await ctx.stores.grants.get(found.record.grantId))?.sub;
  } else {
    sub = found.record.sub;
  }
  return {
    active: true,
    scope: record.scope,
    client_id: record.clientId,
    ...(sub !== undefined && { sub }),
    ...(record.expiresAt !== undefined && { exp: record.expiresAt }),
    iat: record.issuedAt,
    iss: ctx.issuer,
    token_type: found.type === 'access_token' ? 'Bearer' : 'refresh_token',
    aud: record.clientId,
  };
}

/** Serves the introspection endpoint. */
export async function handleIntrospection(
  ctx: ProviderContext,
  request: Request,
): Promise<Response> {
  try {
    const params = await readForm(request);
    const client = await authenticateClient(ctx, request, params, { endpoint: 'introspection' });
    // Public clients prove nothing about themselves, so they may not probe tokens.
    if (registeredAuthMethod(client) === 'none') {
      throw clientAuthenticationFailed(ctx, 'public clients may not introspect', {
        clientId: client.clientId,
      });
    }
    const token = params.get('token');
    if (token === undefined) throw new InvalidTokenRequest("Missing required parameter 'token'");
    const found = await findToken(ctx, token, params.get('token_type_hint'));
    return jsonResponse(await describe(ctx, client, found));
  } catch (error) {
    return clientErrorResponse(ctx, request, error);
  }
}
