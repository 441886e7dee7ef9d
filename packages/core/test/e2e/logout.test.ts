import * as jose from 'jose';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK, POST_LOGOUT, putClient, type RunningOp, startOp } from './op-server.js';
import { describeOutcome, discoverAs, loginWithCode, newBrowser } from './relying-party.js';
import { type BackchannelReceiver, startBackchannelReceiver } from './rp-backchannel.js';
import type { UserAgent } from './user-agent.js';

const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

let op: RunningOp;
let receiver: BackchannelReceiver;
let config: client.Configuration;

beforeAll(async () => {
  op = await startOp();
  receiver = await startBackchannelReceiver();
  await putClient(
    op,
    'rp-app',
    { backchannel_logout_uri: receiver.uri, backchannel_logout_session_required: true },
    'rp-secret',
  );
  config = await discoverAs(op, 'rp-app', 'rp-secret');
});

afterAll(async () => {
  await op?.close();
  await receiver?.close();
});

/** Walks the end-session URL through the confirmation page; returns where the browser landed. */
async function logOut(browser: UserAgent, idToken: string, state: string): Promise<URL> {
  const url = client.buildEndSessionUrl(config, {
    id_token_hint: idToken,
    post_logout_redirect_uri: POST_LOGOUT,
    state,
  });
  const outcome = await browser.walk(url);
  if (outcome.kind !== 'callback') throw new Error(describeOutcome(outcome));
  return outcome.url;
}

/** A prompt=none authorization with the browser's cookies: the callback carries the result. */
async function silentAuthorization(browser: UserAgent): Promise<URLSearchParams> {
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK,
    scope: 'openid',
    prompt: 'none',
    state: 'silent',
    code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
    code_challenge_method: 'S256',
  });
  const outcome = await browser.walk(url);
  if (outcome.kind !== 'callback') throw new Error(describeOutcome(outcome));
  return outcome.url.searchParams;
}

describe('RP-Initiated Logout 1.0 through openid-client', () => {
  it('confirms, redirects to the post_logout_redirect_uri with state and ends the session', async () => {
    const browser = newBrowser(op);
    const { tokens } = await loginWithCode(config, browser);
    expect((await silentAuthorization(browser)).get('code')).toEqual(expect.any(String));
    const landed = await logOut(browser, tokens.id_token!, 'bye-state');
    expect(`${landed.origin}${landed.pathname}`).toBe(POST_LOGOUT);
    expect(landed.searchParams.get('state')).toBe('bye-state');
    expect(
      browser.visited.some(
        (line) => line.includes('/interaction/') && line.includes('prompt=logout'),
      ),
    ).toBe(true);
    const after = await silentAuthorization(browser);
    expect(after.get('error')).toBe('login_required');
    expect(after.get('state')).toBe('silent');
  });

  it('revokes the tokens issued in the ended session', async () => {
    const browser = newBrowser(op);
    const { tokens } = await loginWithCode(config, browser);
    await logOut(browser, tokens.id_token!, 's');
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(false);
  });

  it('keeps the session when the user declines the logout confirmation', async () => {
    const browser = newBrowser(op);
    const { tokens } = await loginWithCode(config, browser);
    const url = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: POST_LOGOUT,
    });
    await browser.walk(url, { declineLogout: true });
    expect((await silentAuthorization(browser)).get('code')).toEqual(expect.any(String));
  });

  it('refuses to redirect to an unregistered post_logout_redirect_uri', async () => {
    const browser = newBrowser(op, ['https://evil.example.com/']);
    const { tokens } = await loginWithCode(config, browser);
    const url = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: 'https://evil.example.com/after',
    });
    const outcome = await browser.walk(url);
    expect(outcome.kind === 'callback' && outcome.url.origin === 'https://evil.example.com').toBe(
      false,
    );
  });
});

describe('Back-Channel Logout 1.0 to a relying party server', () => {
  it('posts a logout token the RP verifies against the OP JWKS, for the session that ended', async () => {
    const browser = newBrowser(op);
    const { tokens } = await loginWithCode(config, browser);
    const idClaims = tokens.claims()!;
    expect(idClaims.sid).toEqual(expect.any(String));
    await logOut(browser, tokens.id_token!, 'bc');
    // Earlier tests log out too; this session's token is the one carrying its sid.
    const logoutToken = await receiver.waitFor(
      (token) => jose.decodeJwt(token).sid === idClaims.sid,
    );
    const jwks = jose.createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!));
    const { payload } = await jose.jwtVerify(logoutToken, jwks, {
      issuer: op.issuer,
      audience: 'rp-app',
      requiredClaims: ['iat', 'jti', 'events'],
    });
    expect(payload.events).toEqual({ [BACKCHANNEL_EVENT]: {} });
    expect(payload.sub).toBe(idClaims.sub);
    // 2.4: a logout token must never carry a nonce.
    expect(payload).not.toHaveProperty('nonce');
    expect(config.serverMetadata().backchannel_logout_supported).toBe(true);
    expect(config.serverMetadata().backchannel_logout_session_supported).toBe(true);
  });
});
