// STUB: to be implemented (userinfo work).
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';

export async function processUserinfoRequest(
  _ctx: ProviderContext,
  _request: Request,
): Promise<Record<string, unknown>> {
  throw new OAuthError('server_error', 'not implemented');
}

export async function handleUserinfo(_ctx: ProviderContext, _request: Request): Promise<Response> {
  throw new OAuthError('server_error', 'not implemented');
}
