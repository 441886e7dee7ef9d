/**
 * Token-endpoint fixtures: grants and codes made through `AuthorizationState`, the way pyOP's
 * tests used `authz_state`, so these tests do not depend on the authorization endpoint.
 */
import { decodeJwt, type JWTPayload } from 'jose';
import type { Provider } from '../../src/provider.js';
import type { AuthorizationCodeRecord, GrantRecord } from '../../src/storage/ports.js';
import { basicAuth, CLIENT1_SECRET, NOW, postForm } from './harness.js';

export const REDIRECT_URI = 'https://client.example.com/cb';
/** pyOP's PKCE test vector (spec 5.4). */
export const PKCE_VERIFIER = 'SoOEDN-mZKNhw7Mc52VXxyiqTvFB3mod36MwPru253c';
export const PKCE_CHALLENGE = '_1f8tFjAtu6D1Df-GOyDPoMjCJdEvaSWsnqR6SLpzsw';

export interface CodeOptions extends Partial<Omit<GrantRecord, 'id' | 'issuedAt'>> {
  redirectUri?: string;
  codeChallenge?: string;
  codeChallengeMethod?: AuthorizationCodeRecord['codeChallengeMethod'];
}

/** A grant for user1 at `clientId` (default client1) with pyOP's default request. */
export async function createUserGrant(
  provider: Provider,
  options: Partial<Omit<GrantRecord, 'id' | 'issuedAt'>> = {},
): Promise<GrantRecord> {
  const state = provider.context.state;
  const sub = await state.getSubjectIdentifier('pairwise', 'user1', 'client.example.com');
  return state.createGrant({
    clientId: 'client1',
    userId: 'user1',
    sub,
    scope: 'openid',
    nonce: 'nonce',
    authTime: NOW,
    ...options,
  });
}

/** A fresh authorization code (and its grant). */
export async function issueCode(
  provider: Provider,
  options: CodeOptions = {},
): Promise<{ code: string; grant: GrantRecord }> {
  const { redirectUri, codeChallenge, codeChallengeMethod, ...grantOptions } = options;
  const grant = await createUserGrant(provider, grantOptions);
  const code = await provider.context.state.createAuthorizationCode(grant, {
    redirectUri: redirectUri ?? REDIRECT_URI,
    ...(codeChallenge !== undefined && { codeChallenge }),
    ...(codeChallengeMethod !== undefined && { codeChallengeMethod }),
  });
  return { code, grant };
}

export const CLIENT1_AUTH = { authorization: basicAuth('client1', CLIENT1_SECRET) };

/** POSTs to the token endpoint as client1 (Basic) unless other headers are given. */
export function postToken(
  provider: Provider,
  params: Record<string, string>,
  headers: Record<string, string> = CLIENT1_AUTH,
): Promise<Response> {
  return postForm(provider, '/token', params, headers);
}

/** Exchanges a code as client1 with the fixture redirect URI. */
export function exchangeCode(
  provider: Provider,
  code: string,
  extra: Record<string, string> = {},
  headers: Record<string, string> = CLIENT1_AUTH,
): Promise<Response> {
  return postToken(
    provider,
    { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, ...extra },
    headers,
  );
}

/** Parses a JSON response body. */
export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

/** Expects an RFC 6749 5.2 error with this code and status. */
export async function expectError(
  response: Response,
  status: number,
  error: string,
): Promise<Record<string, unknown>> {
  const body = await json(response);
  if (response.status !== status || body.error !== error) {
    throw new Error(`expected ${status} ${error}, got ${response.status} ${JSON.stringify(body)}`);
  }
  return body;
}

/** The ID token's claims, verified against the provider's keys. */
export async function verifiedIdToken(provider: Provider, token: unknown): Promise<JWTPayload> {
  if (typeof token !== 'string') throw new Error('no id_token');
  const { payload } = await provider.context.keys.verify(token, {
    issuer: provider.issuer,
    now: provider.context.clock(),
    audience: 'client1',
  });
  return payload;
}

export { decodeJwt };
