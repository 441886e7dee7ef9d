/**
 * Reading and validating an RP-Initiated Logout 1.0 request (section 2): the hint, the client
 * and the post-logout redirect URI are all checked before anything is shown or redirected to.
 */
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';
import type { Params } from '../http/request.js';
import { verifyIdTokenHint } from './id-token-hint.js';

/** RP-Initiated Logout 1.0 (2) request parameters. */
export interface EndSessionRequest {
  id_token_hint?: string;
  post_logout_redirect_uri?: string;
  state?: string;
  client_id?: string;
  logout_hint?: string;
  ui_locales?: string;
}

/** A logout request whose every part was checked. */
export interface ValidatedLogout {
  /** The client named by `client_id` or by the hint's audience. */
  clientId?: string;
  /** Exactly one of the client's registered `post_logout_redirect_uris`. */
  postLogoutRedirectUri?: string;
  state?: string;
  /** The `sub` of a verified hint. */
  sub?: string;
  logoutHint?: string;
  uiLocales?: string;
}

const PARAMETERS = [
  'id_token_hint',
  'post_logout_redirect_uri',
  'state',
  'client_id',
  'logout_hint',
  'ui_locales',
] as const;

/** Picks the logout parameters out of a query or form; unknown ones are ignored (section 2). */
export function readEndSessionRequest(params: Params): EndSessionRequest {
  const request: EndSessionRequest = {};
  for (const name of PARAMETERS) {
    const value = params.get(name);
    if (value !== undefined) request[name] = value;
  }
  return request;
}

/**
 * Validates a logout request. Throws `invalid_request` for a bad hint, a `client_id` the hint
 * was not issued to, an unknown client, or a redirect URI that is not registered exactly:
 * without a validated URI the OP must not redirect (section 3, pyOP PR 64's lesson).
 *
 * @example const logout = await validateEndSessionRequest(ctx, { id_token_hint, state });
 */
export async function validateEndSessionRequest(
  ctx: ProviderContext,
  request: EndSessionRequest,
): Promise<ValidatedLogout> {
  const hint = request.id_token_hint
    ? await verifyIdTokenHint(ctx, request.id_token_hint)
    : undefined;
  // Section 2: "If both client_id and id_token_hint are present, the OP MUST verify that the
  // Client Identifier matches the one used when issuing the ID Token."
  if (hint && request.client_id !== undefined && !hint.audiences.includes(request.client_id)) {
    throw new OAuthError('invalid_request', 'client_id does not match the id_token_hint');
  }
  const clientId = request.client_id ?? hint?.clientId;
  const client = clientId === undefined ? undefined : await ctx.stores.clients.get(clientId);
  if (clientId !== undefined && !client) {
    throw new OAuthError('invalid_request', 'The client is unknown');
  }
  const uri = request.post_logout_redirect_uri;
  if (uri !== undefined) {
    if (!client) {
      throw new OAuthError(
        'invalid_request',
        'post_logout_redirect_uri needs a client_id or an id_token_hint',
      );
    }
    if (!(client.metadata.post_logout_redirect_uris ?? []).includes(uri)) {
      throw new OAuthError('invalid_request', 'post_logout_redirect_uri is not registered');
    }
  }
  return {
    ...(clientId !== undefined && { clientId }),
    ...(uri !== undefined && { postLogoutRedirectUri: uri }),
    ...(request.state !== undefined && { state: request.state }),
    ...(hint && { sub: hint.sub }),
    ...(request.logout_hint !== undefined && { logoutHint: request.logout_hint }),
    ...(request.ui_locales !== undefined && { uiLocales: request.ui_locales }),
  };
}
