// STUB: to be implemented.
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';

export async function handleRevocation(
  _ctx: ProviderContext,
  _request: Request,
): Promise<Response> {
  throw new OAuthError('server_error', 'not implemented');
}
