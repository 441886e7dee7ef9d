// STUB: to be implemented (logout work).
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';

/** RP-Initiated Logout 1.0 (2) request parameters. */
export interface EndSessionRequest {
  id_token_hint?: string;
  post_logout_redirect_uri?: string;
  state?: string;
  client_id?: string;
  logout_hint?: string;
  ui_locales?: string;
}

export async function logoutUser(
  _ctx: ProviderContext,
  _input: { subjectIdentifier?: string; endSessionRequest?: EndSessionRequest },
): Promise<void> {
  throw new OAuthError('server_error', 'not implemented');
}

export async function doPostLogoutRedirect(
  _ctx: ProviderContext,
  _request: EndSessionRequest,
): Promise<string | undefined> {
  throw new OAuthError('server_error', 'not implemented');
}

export async function completeLogout(
  _ctx: ProviderContext,
  _request: Request,
  _id: string,
  _confirmed: boolean,
): Promise<Response> {
  throw new OAuthError('server_error', 'not implemented');
}
