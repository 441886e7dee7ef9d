/** openid-client set up as the relying party of the e2e OP, plus the usual login walk. */
import * as client from 'openid-client';
import { expect } from 'vitest';
import { CALLBACK, POST_LOGOUT, type RunningOp } from './op-server.js';
import { UserAgent } from './user-agent.js';

/** openid-client refuses http unless told; the OP is a loopback http issuer. */
export const INSECURE = { execute: [client.allowInsecureRequests] };

/** Discovers the OP for a client (client_secret_basic with a secret, `none` without). */
export function discoverAs(
  op: RunningOp,
  clientId: string,
  secret?: string,
  metadata: Partial<client.ClientMetadata> = {},
): Promise<client.Configuration> {
  const auth = secret === undefined ? client.None() : client.ClientSecretBasic(secret);
  return client.discovery(new URL(op.issuer), clientId, metadata, auth, INSECURE);
}

/** A fresh browser whose callbacks are the RP's redirect URIs. */
export function newBrowser(op: RunningOp, extraCallbacks: string[] = []): UserAgent {
  return new UserAgent([CALLBACK, POST_LOGOUT, ...extraCallbacks], `${op.issuer}/interaction/`);
}

export interface CodeLogin {
  tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  callback: URL;
  verifier: string;
  nonce: string;
  state: string;
}

/** Code flow with PKCE S256, nonce and state, as a careful RP does it. */
export async function loginWithCode(
  config: client.Configuration,
  browser: UserAgent,
  options: { user?: string; scope?: string; params?: Record<string, string> } = {},
): Promise<CodeLogin> {
  const verifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: options.scope ?? 'openid email',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    nonce,
    state,
    ...options.params,
  });
  const outcome = await browser.walk(url, { user: options.user ?? 'alice' });
  if (outcome.kind !== 'callback')
    throw new Error(`expected the callback, got ${describeOutcome(outcome)}`);
  const tokens = await client.authorizationCodeGrant(config, outcome.url, {
    pkceCodeVerifier: verifier,
    expectedNonce: nonce,
    expectedState: state,
    idTokenExpected: true,
  });
  return { tokens, callback: outcome.url, verifier, nonce, state };
}

/** The OAuth error code openid-client saw in a token/introspection/... error response. */
export async function oauthErrorOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error instanceof client.WWWAuthenticateChallengeError) {
    // RFC 6749 5.2: a failed Authorization-header client authentication is a 401 with a challenge.
    expect(error.status).toBe(401);
    expect(error.cause[0]?.scheme).toBe('basic');
    return ((await error.response.json()) as { error: string }).error;
  }
  expect(error).toBeInstanceOf(client.ResponseBodyError);
  return (error as client.ResponseBodyError).error;
}

export function describeOutcome(outcome: Awaited<ReturnType<UserAgent['walk']>>): string {
  if (outcome.kind === 'page')
    return `page ${outcome.response.status} at ${outcome.url.href}: ${outcome.body.slice(0, 300)}`;
  if (outcome.kind === 'callback') return `callback ${outcome.url.href}`;
  return `form_post to ${outcome.action}`;
}
