/**
 * End-user sessions at the OP. The cookie carries a random secret; storage keeps its hash, and
 * the public `sid` used in ID tokens and logout tokens is a separate random id.
 */
import type { ProviderContext } from '../context.js';
import { readCookie, serializeCookie } from '../http/cookies.js';
import type { SessionRecord } from '../storage/ports.js';
import { hashToken } from '../tokens/hash.js';
import { randomId, randomToken } from '../tokens/random.js';

/** The live session of the browser that sent `request`, if any. */
export async function currentSession(
  ctx: ProviderContext,
  request: Request,
): Promise<SessionRecord | undefined> {
  const token = readCookie(request, ctx.cookies.session);
  if (!token) return undefined;
  const session = await ctx.stores.sessions.findByTokenHash(hashToken(token));
  if (!session || session.expiresAt <= ctx.clock()) return undefined;
  return session;
}

/** Starts a session after login; returns it with the Set-Cookie header value to send. */
export async function startSession(
  ctx: ProviderContext,
  login: { userId: string; authTime: number; acr?: string; amr?: string[] },
): Promise<{ session: SessionRecord; setCookie: string }> {
  const token = randomToken(ctx.random);
  const now = ctx.clock();
  const session: SessionRecord = {
    id: randomId(ctx.random),
    tokenHash: hashToken(token),
    userId: login.userId,
    authTime: login.authTime,
    ...(login.acr !== undefined && { acr: login.acr }),
    ...(login.amr !== undefined && { amr: login.amr }),
    clientIds: [],
    createdAt: now,
    expiresAt: now + ctx.settings.lifetimes.session,
  };
  await ctx.stores.sessions.create(session);
  const setCookie = serializeCookie(ctx.cookies.session, token, {
    path: ctx.cookies.path,
    secure: ctx.cookies.secure,
    maxAge: ctx.settings.lifetimes.session,
  });
  return { session, setCookie };
}

/** The Set-Cookie header value that removes the session cookie. */
export function clearSessionCookie(ctx: ProviderContext): string {
  return serializeCookie(ctx.cookies.session, '', {
    path: ctx.cookies.path,
    secure: ctx.cookies.secure,
    maxAge: 0,
  });
}
