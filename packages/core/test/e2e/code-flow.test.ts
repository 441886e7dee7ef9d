import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK, putClient, type RunningOp, startOp } from './op-server.js';
import { discoverAs, loginWithCode, newBrowser, oauthErrorOf } from './relying-party.js';

let op: RunningOp;
let confidential: client.Configuration;
let publicClient: client.Configuration;

beforeAll(async () => {
  op = await startOp();
  await putClient(op, 'web-app', {}, 'web-secret');
  await putClient(op, 'spa', { token_endpoint_auth_method: 'none' });
  await putClient(op, 'es-app', { id_token_signed_response_alg: 'ES256' }, 'es-secret');
  await putClient(op, 'ed-app', { id_token_signed_response_alg: 'EdDSA' }, 'ed-secret');
  confidential = await discoverAs(op, 'web-app', 'web-secret');
  publicClient = await discoverAs(op, 'spa');
});

afterAll(async () => {
  await op?.close();
});

describe('Authorization code flow with PKCE (OIDC Core 3.1, RFC 7636) through openid-client', () => {
  it('logs the user in and returns tokens whose ID token openid-client validated against the JWKS', async () => {
    const browser = newBrowser(op);
    const { tokens, callback, state } = await loginWithCode(confidential, browser);
    // The browser went through the host's login page before reaching the callback.
    expect(browser.visited.some((line) => line.startsWith(`POST ${op.issuer}/interaction/`))).toBe(
      true,
    );
    expect(callback.searchParams.get('state')).toBe(state);
    expect(callback.searchParams.get('iss')).toBe(op.issuer);
    const claims = tokens.claims();
    expect(claims?.iss).toBe(op.issuer);
    expect(claims?.aud).toBe('web-app');
    expect(claims?.sub).toEqual(expect.any(String));
    expect(tokens.access_token).toEqual(expect.any(String));
    expect(tokens.expiresIn()).toBeGreaterThan(0);
  });

  it('serves a public client that authenticates with PKCE alone', async () => {
    const { tokens } = await loginWithCode(publicClient, newBrowser(op));
    expect(tokens.claims()?.aud).toBe('spa');
  });

  it.each([
    ['ES256', 'es-app', 'es-secret'],
    ['EdDSA', 'ed-app', 'ed-secret'],
  ])('signs the ID token with %s when the client registered it', async (alg, id, secret) => {
    const config = await discoverAs(op, id, secret, { id_token_signed_response_alg: alg });
    const { tokens } = await loginWithCode(config, newBrowser(op));
    const header = JSON.parse(Buffer.from(tokens.id_token!.split('.')[0]!, 'base64url').toString());
    expect(header.alg).toBe(alg);
  });

  it('keeps the browser session so a second authorization needs no login page', async () => {
    const browser = newBrowser(op);
    const first = await loginWithCode(confidential, browser);
    const before = browser.visited.length;
    const second = await loginWithCode(confidential, browser, { params: { prompt: 'none' } });
    const walked = browser.visited.slice(before);
    expect(walked.some((line) => line.includes('/interaction/'))).toBe(false);
    expect(second.tokens.claims()?.sub).toBe(first.tokens.claims()?.sub);
    expect(second.tokens.claims()?.sid).toBe(first.tokens.claims()?.sid);
  });

  it('delivers the code by form_post when the RP asks for response_mode=form_post', async () => {
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(confidential, {
      redirect_uri: CALLBACK,
      scope: 'openid',
      response_mode: 'form_post',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const outcome = await newBrowser(op).walk(url);
    expect(outcome.kind).toBe('form_post');
    if (outcome.kind !== 'form_post') return;
    expect(outcome.action).toBe(CALLBACK);
    const tokens = await client.authorizationCodeGrant(confidential, outcome.request, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    expect(tokens.claims()?.nonce).toBe(nonce);
  });
});

describe('UserInfo endpoint (OIDC Core 5.3) through openid-client', () => {
  it('returns the claims of the granted scopes for the same subject as the ID token', async () => {
    const { tokens } = await loginWithCode(confidential, newBrowser(op), {
      scope: 'openid email profile',
    });
    const sub = tokens.claims()!.sub;
    const userinfo = await client.fetchUserInfo(confidential, tokens.access_token, sub);
    expect(userinfo.sub).toBe(sub);
    expect(userinfo.email).toBe('alice@example.com');
    expect(userinfo.email_verified).toBe(true);
    expect(userinfo.name).toBe('alice Example');
  });

  it('leaves out claims of scopes that were not requested', async () => {
    const { tokens } = await loginWithCode(confidential, newBrowser(op), { scope: 'openid' });
    const userinfo = await client.fetchUserInfo(
      confidential,
      tokens.access_token,
      tokens.claims()!.sub,
    );
    expect(userinfo).not.toHaveProperty('email');
    expect(userinfo).not.toHaveProperty('name');
  });

  it('refuses a revoked access token with a Bearer invalid_token challenge', async () => {
    const { tokens } = await loginWithCode(confidential, newBrowser(op));
    await client.tokenRevocation(confidential, tokens.access_token);
    const error = await client
      .fetchUserInfo(confidential, tokens.access_token, tokens.claims()!.sub)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(client.WWWAuthenticateChallengeError);
    const challenge = (error as client.WWWAuthenticateChallengeError).cause[0];
    expect(challenge?.scheme).toBe('bearer');
    expect(challenge?.parameters.error).toBe('invalid_token');
    expect((error as client.WWWAuthenticateChallengeError).status).toBe(401);
  });
});

describe('Refresh token grant with rotation (RFC 6749 6, OIDC Core 12)', () => {
  it('issues new tokens, then refuses the rotated refresh token with invalid_grant', async () => {
    const { tokens } = await loginWithCode(confidential, newBrowser(op), {
      scope: 'openid email offline_access',
      params: { prompt: 'consent' },
    });
    const first = tokens.refresh_token;
    expect(first).toEqual(expect.any(String));
    const refreshed = await client.refreshTokenGrant(confidential, first!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.refresh_token).toEqual(expect.any(String));
    expect(refreshed.refresh_token).not.toBe(first);
    // OIDC Core 12.2: a refreshed ID token keeps iss, sub and aud.
    expect(refreshed.claims()?.sub).toBe(tokens.claims()?.sub);
    expect(await oauthErrorOf(client.refreshTokenGrant(confidential, first!))).toBe(
      'invalid_grant',
    );
  });

  it('revokes the whole grant when a rotated refresh token is reused (OAuth Security BCP 4.14)', async () => {
    const { tokens } = await loginWithCode(confidential, newBrowser(op), {
      scope: 'openid offline_access',
      params: { prompt: 'consent' },
    });
    const refreshed = await client.refreshTokenGrant(confidential, tokens.refresh_token!);
    await oauthErrorOf(client.refreshTokenGrant(confidential, tokens.refresh_token!));
    expect(
      await oauthErrorOf(client.refreshTokenGrant(confidential, refreshed.refresh_token!)),
    ).toBe('invalid_grant');
  });
});
