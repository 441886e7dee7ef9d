// STUB: to be implemented (authorization endpoint work).
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';
import type { Params } from '../http/request.js';
import type { AuthenticationRequest } from './request.js';

export async function parseAuthenticationRequest(
  _ctx: ProviderContext,
  _params: Params,
): Promise<AuthenticationRequest> {
  throw new OAuthError('server_error', 'not implemented');
}
