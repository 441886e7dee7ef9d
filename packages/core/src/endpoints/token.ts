// STUB: to be implemented (token endpoint work).
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';
import type { ExtraClaims } from '../types.js';

export async function processTokenRequest(
  _ctx: ProviderContext,
  _request: Request,
  _extraClaims?: ExtraClaims,
): Promise<Record<string, unknown>> {
  throw new OAuthError('server_error', 'not implemented');
}

export async function handleToken(_ctx: ProviderContext, _request: Request): Promise<Response> {
  throw new OAuthError('server_error', 'not implemented');
}
