/**
 * The pause between the logout request and the end user's confirmation. Like the login
 * interaction it is bound to the browser that started it by a random cookie whose hash is
 * stored, so a link to the confirmation page cannot be completed from another browser.
 */
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';
import { readCookie, serializeCookie } from '../http/cookies.js';
import { redirectResponse } from '../http/response.js';
import type { InteractionRecord } from '../storage/ports.js';
import { hashToken, safeEqual } from '../tokens/hash.js';
import { randomId, randomToken } from '../tokens/random.js';
import type { ValidatedLogout } from './end-session-request.js';

/** Stores the validated logout and sends the browser to the host's confirmation page. */
export async function beginLogoutInteraction(
  ctx: ProviderContext,
  logout: ValidatedLogout,
): Promise<Response> {
  const binding = randomToken(ctx.random);
  const now = ctx.clock();
  const record: InteractionRecord = {
    id: randomId(ctx.random),
    bindingHash: hashToken(binding),
    ...(logout.clientId !== undefined && { clientId: logout.clientId }),
    params: logoutParams(logout),
    prompt: 'logout',
    createdAt: now,
    expiresAt: now + ctx.settings.lifetimes.interaction,
  };
  await ctx.stores.interactions.create(record);
  const cookie = serializeCookie(ctx.cookies.interaction, binding, {
    path: ctx.cookies.path,
    secure: ctx.cookies.secure,
    maxAge: ctx.settings.lifetimes.interaction,
  });
  return redirectResponse(ctx.interactionUrl(record.id, 'logout'), { 'set-cookie': cookie });
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
  const record = await ctx.stores.interactions.get(id);
  if (record?.prompt !== 'logout' || record.expiresAt <= ctx.clock()) {
    throw new OAuthError('invalid_request', 'The logout request is unknown or has expired');
  }
  const binding = readCookie(request, ctx.cookies.interaction);
  if (!binding || !safeEqual(hashToken(binding), record.bindingHash)) {
    throw new OAuthError('invalid_request', 'The logout request was started in another browser');
  }
  const consumed = await ctx.stores.interactions.consume(id);
  if (!consumed)
    throw new OAuthError('invalid_request', 'The logout request was already completed');
  return consumed;
}

/** The Set-Cookie value that removes the interaction-binding cookie. */
export function clearInteractionCookie(ctx: ProviderContext): string {
  return serializeCookie(ctx.cookies.interaction, '', {
    path: ctx.cookies.path,
    secure: ctx.cookies.secure,
    maxAge: 0,
  });
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
