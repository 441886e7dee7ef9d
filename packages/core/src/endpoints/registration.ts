// STUB: to be implemented (registration work).
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';

export async function processRegistrationRequest(
  _ctx: ProviderContext,
  _request: Request,
): Promise<Record<string, unknown>> {
  throw new OAuthError('server_error', 'not implemented');
}

export async function handleRegistration(
  _ctx: ProviderContext,
  _request: Request,
): Promise<Response> {
  throw new OAuthError('server_error', 'not implemented');
}

export async function handleClientConfiguration(
  _ctx: ProviderContext,
  _request: Request,
  _clientId: string,
): Promise<Response> {
  throw new OAuthError('server_error', 'not implemented');
}
