/**
 * Pausing a request for the host's pages, bound to the browser that started it: the
 * interaction id travels in URLs the host renders, so alone it must not be enough to resume
 * (or hijack) someone else's sign-in. A random cookie set with the redirect proves the browser.
 */
import type { ProviderContext } from '../context.js';
import { OAuthError } from '../errors.js';
import { readCookie, serializeCookie } from '../http/cookies.js';
import { redirectResponse } from '../http/response.js';
import type { InteractionRecord } from '../storage/ports.js';
import { hashToken, safeEqual } from '../tokens/hash.js';
import { randomId, randomToken } from '../tokens/random.js';

/** Stores a paused request and redirects (303) the browser to the host's page for it. */
export async function beginInteraction(
  ctx: ProviderContext,
  input: Pick<InteractionRecord, 'clientId' | 'params' | 'prompt' | 'login'>,
): Promise<Response> {
  const binding = randomToken(ctx.random);
  const now = ctx.clock();
  const lifetime = ctx.settings.lifetimes.interaction;
  const record: InteractionRecord = {
    ...input,
    id: randomId(ctx.random),
    bindingHash: hashToken(binding),
    createdAt: now,
    expiresAt: now + lifetime,
  };
  await ctx.stores.interactions.create(record);
  const cookie = serializeCookie(ctx.cookies.interaction, binding, {
    path: ctx.cookies.path,
    secure: ctx.cookies.secure,
    maxAge: lifetime,
  });
  return redirectResponse(ctx.interactionUrl(record.id, record.prompt), { 'set-cookie': cookie });
}

/**
 * The live interaction `id` of the browser that sent `request`. Unknown, expired and
 * foreign-browser interactions are all the same `invalid_request`: the host shows its error page.
 */
export async function loadInteraction(
  ctx: ProviderContext,
  request: Request,
  id: string,
): Promise<InteractionRecord> {
  const record = await ctx.stores.interactions.get(id);
  const binding = readCookie(request, ctx.cookies.interaction);
  if (
    !record ||
    record.expiresAt <= ctx.clock() ||
    !binding ||
    !safeEqual(hashToken(binding), record.bindingHash)
  ) {
    throw new OAuthError('invalid_request', 'The interaction is unknown, expired or not yours');
  }
  return record;
}

/** Atomically takes the interaction, so it completes at most once. */
export async function consumeInteraction(ctx: ProviderContext, id: string): Promise<void> {
  if (!(await ctx.stores.interactions.consume(id))) {
    throw new OAuthError('invalid_request', 'The interaction has already been completed');
  }
}

/** The Set-Cookie value removing the binding cookie once the interaction is over. */
export function clearInteractionCookie(ctx: ProviderContext): string {
  return serializeCookie(ctx.cookies.interaction, '', {
    path: ctx.cookies.path,
    secure: ctx.cookies.secure,
    maxAge: 0,
  });
}
