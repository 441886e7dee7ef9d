/**
 * The pause between the logout request and the end user's confirmation. Like the login
 * interaction it is bound to the browser that started it by a random cookie whose hash is
 * stored, so a link to the confirmation page cannot be completed from another browser.
 */
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';
import {
  beginInteraction,
  consumeInteraction,
  loadInteraction,
} from '../sessions/interaction-binding.js';
import type { InteractionRecord } from '../storage/ports.js';
import type { ValidatedLogout } from './end-session-request.js';

export { clearInteractionCookie } from '../sessions/interaction-binding.js';

/** Stores the validated logout and sends the browser to the host's confirmation page. */
export function beginLogoutInteraction(
  ctx: ProviderContext,
  logout: ValidatedLogout,
): Promise<Response> {
  return beginInteraction(ctx, {
    ...(logout.clientId !== undefined && { clientId: logout.clientId }),
    params: logoutParams(logout),
    prompt: 'logout',
  });
}

/**
 * Takes the logout interaction `id` out of storage, once, for the browser that started it.
 * Checks come before consumption so a foreign browser cannot destroy someone else's pending
 * logout. Throws `invalid_request` otherwise.
 */
export async function consumeLogoutInteraction(
  ctx: ProviderContext,
  request: Request,
  id: string,
): Promise<InteractionRecord> {
  const record = await loadInteraction(ctx, request, id);
  if (record.prompt !== 'logout') {
    throw new OAuthError('invalid_request', 'The interaction is not a logout');
  }
  await consumeInteraction(ctx, id);
  return record;
}

/** The stored form of a validated logout (RP-Initiated Logout 1.0 parameter names). */
function logoutParams(logout: ValidatedLogout): Record<string, string> {
  const entries: [string, string | undefined][] = [
    ['client_id', logout.clientId],
    ['post_logout_redirect_uri', logout.postLogoutRedirectUri],
    ['state', logout.state],
    ['logout_hint', logout.logoutHint],
    ['ui_locales', logout.uiLocales],
  ];
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => !!entry[1]));
}
