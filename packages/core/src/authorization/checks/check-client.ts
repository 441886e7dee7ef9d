/**
 * The client must be known before anything is sent back to it (RFC 6749 4.1.2.1, OIDC Core
 * 3.1.2.1). A missing or unknown `client_id` is never redirected: the `redirect_uri` next to it is
 * unvalidated, and redirecting there was pyOP's open redirect (PR 64, spec 12 defect 9).
 */
import type { ProviderContext } from '../../context.js';
import { InvalidAuthenticationRequest } from '../../errors.js';
import type { Params } from '../../http/request.js';
import type { ClientRecord } from '../../types.js';

/** Looks up the requesting client; failures carry no redirect target. */
export async function checkClient(ctx: ProviderContext, params: Params): Promise<ClientRecord> {
  const clientId = params.get('client_id');
  if (clientId === undefined) {
    throw new InvalidAuthenticationRequest(
      'invalid_request',
      "Missing required parameter 'client_id'",
    );
  }
  const client = await ctx.stores.clients.get(clientId);
  if (!client) throw new InvalidAuthenticationRequest('invalid_request', 'Unknown client_id');
  return client;
}
