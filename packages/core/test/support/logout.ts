/**
 * Fixtures for the logout tests: grants and tokens created directly through
 * `AuthorizationState` (not the authorization endpoint), ID token hints signed with the
 * tenant's key, and OP browser sessions created straight in the session store.
 */
import type { JWTPayload } from 'jose';
import type { Provider } from '../../src/provider.js';
import type { GrantRecord } from '../../src/storage/ports.js';
import { hashToken } from '../../src/tokens/hash.js';
import { ISSUER, NOW } from './harness.js';

export interface IssuedState {
  sub: string;
  grant: GrantRecord;
  code: string;
  accessToken: string;
  refreshToken: string | undefined;
}

/** A grant with a code, an access token and (when enabled) a refresh token for `userId`. */
export async function issueTokens(
  provider: Provider,
  options: { userId?: string; clientId?: string; sid?: string; scope?: string } = {},
): Promise<IssuedState> {
  const { state } = provider.context;
  const userId = options.userId ?? 'user1';
  const clientId = options.clientId ?? 'client1';
  const sub = await state.getSubjectIdentifier('pairwise', userId, 'client.example.com');
  const grant = await state.createGrant({
    clientId,
    userId,
    sub,
    scope: options.scope ?? 'openid',
    ...(options.sid !== undefined && { sid: options.sid }),
  });
  const code = await state.createAuthorizationCode(grant, {
    redirectUri: 'https://client.example.com/cb',
  });
  const { value: accessToken } = await state.createAccessToken({
    clientId,
    grantId: grant.id,
    userId,
    sub,
    scope: grant.scope,
  });
  const refreshToken = await state.createRefreshToken(grant);
  return { sub, grant, code, accessToken, refreshToken };
}

/** An ID token as this provider would issue it, usable as `id_token_hint`. */
export function signIdTokenHint(provider: Provider, claims: JWTPayload): Promise<string> {
  return provider.context.keys.sign(
    { iss: ISSUER, aud: 'client1', iat: NOW, exp: NOW + 3600, ...claims },
    'RS256',
  );
}

/** An OP session for `userId`, as login would leave it; returns the session id and cookie. */
export async function createBrowserSession(
  provider: Provider,
  options: { userId?: string; clientIds?: string[]; cookieValue?: string } = {},
): Promise<{ sid: string; cookie: string }> {
  const value = options.cookieValue ?? `browser-${Math.random().toString(36).slice(2)}`;
  const sid = `sid-${value}`;
  await provider.context.stores.sessions.create({
    id: sid,
    tokenHash: hashToken(value),
    userId: options.userId ?? 'user1',
    authTime: NOW,
    clientIds: options.clientIds ?? ['client1'],
    createdAt: NOW,
    expiresAt: NOW + 3600,
  });
  return { sid, cookie: `${provider.context.cookies.session}=${value}` };
}

/** The `name=value` pair of a Set-Cookie header named `name`, if the response sets it. */
export function setCookie(response: Response, name: string): string | undefined {
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
}

/** The interaction id in a redirect to the harness's interaction URL. */
export function interactionIdOf(response: Response): string {
  const location = new URL(response.headers.get('location') ?? '');
  const match = /\/interaction\/([^/]+)$/.exec(location.pathname);
  if (!match) throw new Error(`not an interaction redirect: ${location}`);
  return match[1]!;
}

/**
 * Runs the whole browser flow: GET /logout with the session cookie, then the host's
 * confirmation (or refusal) with both cookies.
 */
export async function logOutThroughEndpoint(
  provider: Provider,
  sessionCookie: string,
  query: Record<string, string> = {},
  confirmed = true,
): Promise<{ start: Response; done: Response }> {
  const search = new URLSearchParams(query).toString();
  const start = await provider.handle(
    new Request(`${provider.issuer}/logout${search ? `?${search}` : ''}`, {
      headers: { cookie: sessionCookie },
    }),
  );
  const binding = setCookie(start, provider.context.cookies.interaction)?.split(';')[0];
  const request = new Request(`${provider.issuer}/interaction/done`, {
    method: 'POST',
    headers: { cookie: `${sessionCookie}; ${binding}` },
  });
  const done = await provider.completeLogout(request, interactionIdOf(start), confirmed);
  return { start, done };
}
