/**
 * openid-client 6 as the relying party: dynamic registration, the code flow with PKCE as a
 * careful RP runs it, and the OAuth error of a failed call.
 */
import * as client from 'openid-client';
import { Browser, type Outcome, type Script } from './browser';
import type { UserFixture } from './fixtures';

/** The RP's URLs: the browser captures them and never loads them (nothing listens there). */
export const RP_ORIGIN = 'https://rp.example.test';
export const CALLBACK = `${RP_ORIGIN}/cb`;
export const POST_LOGOUT = `${RP_ORIGIN}/logged-out`;

/** openid-client refuses http unless told; the OP under test is a loopback http issuer. */
export const INSECURE = { execute: [client.allowInsecureRequests] };

/**
 * Registers a confidential client (client_secret_basic) at `issuer` and returns openid-client's
 * configuration for it, which keeps the issued secret and the registration access token.
 */
export function registerClient(
  issuer: string,
  metadata: Partial<client.ClientMetadata> = {},
): Promise<client.Configuration> {
  return client.dynamicClientRegistration(
    new URL(issuer),
    {
      client_name: 'E2E relying party',
      redirect_uris: [CALLBACK],
      post_logout_redirect_uris: [POST_LOGOUT],
      response_types: ['code'],
      grant_types: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_method: 'client_secret_basic',
      ...metadata,
    },
    client.ClientSecretBasic(),
    INSECURE,
  );
}

/** A fresh browser (empty cookie jar) that treats the RP's URLs as the end of a walk. */
export function newBrowser(): Browser {
  return new Browser([RP_ORIGIN]);
}

/** The login script for `user`, allowing consent. */
export function asUser(user: UserFixture, extra: Script = {}): Script {
  return { login: { login: user.login, password: user.password }, consent: 'allow', ...extra };
}

export interface AuthorizationRequest {
  url: URL;
  verifier: string;
  nonce: string;
  state: string;
}

/** A code flow authorization URL with PKCE S256, nonce and state. */
export async function codeAuthorization(
  config: client.Configuration,
  params: Record<string, string> = {},
): Promise<AuthorizationRequest> {
  const verifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    nonce,
    state,
    ...params,
  });
  return { url, verifier, nonce, state };
}

export interface CodeLogin {
  tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  callback: URL;
  request: AuthorizationRequest;
}

/** The whole code flow: authorize in `browser` (following `script`), then redeem the code. */
export async function loginWithCode(
  config: client.Configuration,
  browser: Browser,
  script: Script,
  params: Record<string, string> = {},
): Promise<CodeLogin> {
  const request = await codeAuthorization(config, params);
  const outcome = await browser.walk(request.url, script);
  if (outcome.kind !== 'callback')
    throw new Error(`expected the callback, got ${describeOutcome(outcome)}`);
  const tokens = await client.authorizationCodeGrant(config, outcome.url, {
    pkceCodeVerifier: request.verifier,
    expectedNonce: request.nonce,
    expectedState: request.state,
    idTokenExpected: true,
  });
  return { tokens, callback: outcome.url, request };
}

/** The callback URL of an outcome, or an error describing where the walk ended instead. */
export function callbackOf(outcome: Outcome): URL {
  if (outcome.kind !== 'callback')
    throw new Error(`expected the callback, got ${describeOutcome(outcome)}`);
  return outcome.url;
}

/** An outcome in one line, for failure messages. */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === 'callback') return `callback ${outcome.url.href}`;
  if (outcome.kind === 'form_post') return `form_post to ${outcome.action}`;
  const text = outcome.body.replace(/\s+/g, ' ').slice(0, 400);
  return `page ${outcome.status} at ${outcome.url.href}: ${text}`;
}

/** The OAuth error (code and HTTP status) an openid-client call failed with. */
export async function oauthErrorOf(
  work: Promise<unknown>,
): Promise<{ error: string; status: number }> {
  const caught = await work.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
  if (caught instanceof client.WWWAuthenticateChallengeError) {
    const parameters = caught.cause[0]?.parameters;
    const fromBody = await caught.response
      .clone()
      .json()
      .then(
        (body: { error?: string }) => body.error,
        () => undefined,
      );
    return { error: parameters?.error ?? fromBody ?? 'unknown', status: caught.status };
  }
  if (caught instanceof client.ResponseBodyError)
    return { error: caught.error, status: caught.status };
  throw caught;
}
