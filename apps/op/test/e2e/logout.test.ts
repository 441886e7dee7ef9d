import * as jose from 'jose';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BackchannelReceiver,
  startBackchannelReceiver,
} from '../support/backchannel-receiver';
import { Browser } from '../support/browser';
import { databases } from '../support/e2e-databases';
import { createTenant, createUser, type UserFixture } from '../support/fixtures';
import { textOf } from '../support/html-form';
import { useOp } from '../support/op-harness';
import {
  asUser,
  callbackOf,
  codeAuthorization,
  describeOutcome,
  loginWithCode,
  newBrowser,
  POST_LOGOUT,
  RP_ORIGIN,
  registerClient,
} from '../support/relying-party';

const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

describe.each(databases())('RP-Initiated and Back-Channel Logout 1.0 on $name', (kind) => {
  const op = useOp(kind);
  let issuer: string;
  let alice: UserFixture;
  let receiver: BackchannelReceiver;
  let config: client.Configuration;

  beforeAll(async () => {
    const tenant = await createTenant(op.db);
    issuer = op.server.issuer(tenant.slug);
    alice = await createUser(op.db, tenant.id, { login: 'alice' });
    receiver = await startBackchannelReceiver();
    config = await registerClient(issuer, {
      backchannel_logout_uri: receiver.uri,
      backchannel_logout_session_required: true,
    });
  });

  afterAll(async () => {
    await receiver?.close();
  });

  /** prompt=none with the browser's cookies: the callback's query says whether a session is left. */
  async function silently(browser: Browser): Promise<URLSearchParams> {
    const { url } = await codeAuthorization(config, { prompt: 'none' });
    return callbackOf(await browser.walk(url)).searchParams;
  }

  it('confirms on the logout page, redirects to post_logout_redirect_uri with state and ends the session', async () => {
    const browser = newBrowser();
    const { tokens } = await loginWithCode(config, browser, asUser(alice));
    expect((await silently(browser)).get('code')).toEqual(expect.any(String));
    const url = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: POST_LOGOUT,
      state: 'bye',
    });
    const confirmation = await browser.walk(url);
    expect(confirmation.kind === 'page' && confirmation.page, describeOutcome(confirmation)).toBe(
      'logout',
    );
    if (confirmation.kind !== 'page') return;
    const landed = callbackOf(await browser.submit(confirmation, { logout: 'logout' }));
    expect(`${landed.origin}${landed.pathname}`).toBe(POST_LOGOUT);
    expect(landed.searchParams.get('state')).toBe('bye');
    expect((await silently(browser)).get('error')).toBe('login_required');
  });

  it('keeps the session when the user cancels the logout', async () => {
    const browser = newBrowser();
    const { tokens } = await loginWithCode(config, browser, asUser(alice));
    const url = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: POST_LOGOUT,
    });
    await browser.walk(url, { logout: 'cancel' });
    expect((await silently(browser)).get('code')).toEqual(expect.any(String));
  });

  it('shows the signed-out page when no post_logout_redirect_uri is given', async () => {
    const browser = newBrowser();
    const { tokens } = await loginWithCode(config, browser, asUser(alice));
    const url = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token! });
    const outcome = await browser.walk(url, { logout: 'logout' });
    expect(outcome.kind, describeOutcome(outcome)).toBe('page');
    if (outcome.kind !== 'page') return;
    expect(outcome.url.href).toBe(`${issuer}/logged-out`);
    expect(outcome.status).toBe(200);
    expect(textOf(outcome.body)).toMatch(/signed out/i);
  });

  it('posts a logout token that verifies against the tenant JWKS, with the events claim and sid', async () => {
    const browser = newBrowser();
    const { tokens } = await loginWithCode(config, browser, asUser(alice));
    const idClaims = tokens.claims()!;
    const url = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: POST_LOGOUT,
    });
    callbackOf(await browser.walk(url, { logout: 'logout' }));
    const logoutToken = await receiver.waitFor(
      (token) => jose.decodeJwt(token).sid === idClaims.sid,
    );
    const jwks = jose.createRemoteJWKSet(new URL(`${issuer}/jwks`));
    const { payload, protectedHeader } = await jose.jwtVerify(logoutToken, jwks, {
      issuer,
      audience: config.clientMetadata().client_id,
      typ: 'logout+jwt',
      requiredClaims: ['iat', 'exp', 'jti', 'events', 'sid'],
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload.events).toEqual({ [BACKCHANNEL_EVENT]: {} });
    expect(payload.sid).toBe(idClaims.sid);
    expect(payload.sub).toBe(idClaims.sub);
    expect(payload).not.toHaveProperty('nonce');
    const metadata = config.serverMetadata();
    expect(metadata.backchannel_logout_supported).toBe(true);
    expect(metadata.backchannel_logout_session_supported).toBe(true);
  });

  it('does not redirect to an unregistered post_logout_redirect_uri', async () => {
    const evil = 'https://evil.example.test';
    const browser = new Browser([RP_ORIGIN, evil]);
    const { tokens } = await loginWithCode(config, browser, asUser(alice));
    const url = client.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token!,
      post_logout_redirect_uri: `${evil}/after`,
    });
    const outcome = await browser.walk(url, { logout: 'logout' });
    expect(outcome.kind === 'callback' && outcome.url.origin, describeOutcome(outcome)).not.toBe(
      evil,
    );
  });
});
