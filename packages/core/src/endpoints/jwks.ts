/** The tenant's public keys (RFC 7517), private parts never included. */
import type { ProviderContext } from '../context.js';
import { publicJsonResponse } from '../http/response.js';
import { METADATA_MAX_AGE } from './discovery.js';

export async function handleJwks(ctx: ProviderContext, _request: Request): Promise<Response> {
  return publicJsonResponse(ctx.keys.jwks, METADATA_MAX_AGE);
}
