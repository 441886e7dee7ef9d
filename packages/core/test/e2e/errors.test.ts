import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK, putClient, type RunningOp, startOp } from './op-server.js';
import { describeOutcome, discoverAs, newBrowser, oauthErrorOf } from './relying-party.js';

let op: RunningOp;
let config: client.Configuration;

beforeAll(async () => {
  op = await startOp();
  await putClient(op, 'web-app', {}, 'web-secret');
  config = await discoverAs(op, 'web-app', 'web-secret');
});

afterAll(async () => {
  await op?.close();
});

async function authorize(
  verifier: string,
  redirectUri = CALLBACK,
): Promise<{ url: URL; nonce: string }> {
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid',
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  return { url, nonce };
}

async function callbackFor(verifier: string): Promise<{ callback: URL; nonce: string }> {
  const { url, nonce } = await authorize(verifier);
  const outcome = await newBrowser(op).walk(url);
  if (outcome.kind !== 'callback') throw new Error(describeOutcome(outcome));
  return { callback: outcome.url, nonce };
}

describe('Errors the relying party sees', () => {
  it('refuses a replayed authorization code with invalid_grant and revokes what it issued', async () => {
    const verifier = client.randomPKCECodeVerifier();
    const { callback, nonce } = await callbackFor(verifier);
    const checks = { pkceCodeVerifier: verifier, expectedNonce: nonce };
    const tokens = await client.authorizationCodeGrant(config, callback, checks);
    expect(await oauthErrorOf(client.authorizationCodeGrant(config, callback, checks))).toBe(
      'invalid_grant',
    );
    // RFC 6749 4.1.2: tokens issued from a replayed code should be revoked.
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(false);
  });

  it('refuses a code redeemed with the wrong PKCE verifier with invalid_grant', async () => {
    const { callback, nonce } = await callbackFor(client.randomPKCECodeVerifier());
    const wrong = { pkceCodeVerifier: client.randomPKCECodeVerifier(), expectedNonce: nonce };
    expect(await oauthErrorOf(client.authorizationCodeGrant(config, callback, wrong))).toBe(
      'invalid_grant',
    );
  });

  it('shows a 400 page and never redirects to an unregistered redirect URI', async () => {
    const evil = 'https://evil.example.com/cb';
    const { url } = await authorize(client.randomPKCECodeVerifier(), evil);
    const browser = newBrowser(op, [evil]);
    const outcome = await browser.walk(url);
    expect(outcome.kind).toBe('page');
    if (outcome.kind !== 'page') return;
    expect(outcome.response.status).toBe(400);
    expect(outcome.response.headers.get('location')).toBeNull();
    expect(outcome.response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(browser.visited).toHaveLength(1);
  });

  it('refuses an unknown client at the authorization endpoint with a 400 page', async () => {
    const url = new URL(`${op.issuer}/authorize`);
    url.search = new URLSearchParams({
      client_id: 'nobody',
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid',
    }).toString();
    const outcome = await newBrowser(op).walk(url);
    expect(outcome.kind === 'page' && outcome.response.status).toBe(400);
  });

  it('redirects access_denied to the RP when the user refuses consent', async () => {
    const { url } = await authorize(client.randomPKCECodeVerifier());
    const browser = newBrowser(op);
    const page = await browser.walk(url, { stopAtInteraction: true });
    expect(page.kind).toBe('page');
    if (page.kind !== 'page') return;
    const id = page.url.pathname.split('/').pop()!;
    const denied = await op.provider.completeInteraction(
      new Request(page.url, { headers: { cookie: browser.jar.headerFor(page.url) ?? '' } }),
      id,
      { error: 'access_denied' },
    );
    expect(denied.status).toBe(303);
    const location = new URL(denied.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('iss')).toBe(op.issuer);
  });

  it('answers prompt=none without a session with login_required at the callback', async () => {
    const { url } = await authorize(client.randomPKCECodeVerifier());
    url.searchParams.set('prompt', 'none');
    url.searchParams.set('state', 'quiet');
    const outcome = await newBrowser(op).walk(url);
    expect(outcome.kind).toBe('callback');
    if (outcome.kind !== 'callback') return;
    expect(outcome.url.searchParams.get('error')).toBe('login_required');
    expect(outcome.url.searchParams.get('state')).toBe('quiet');
    expect(outcome.url.searchParams.has('code')).toBe(false);
  });

  it('does not let another browser complete a login started in the victim browser', async () => {
    const { url } = await authorize(client.randomPKCECodeVerifier());
    const victim = newBrowser(op);
    const page = await victim.walk(url, { stopAtInteraction: true });
    expect(page.kind).toBe('page');
    if (page.kind !== 'page') return;
    // The attacker knows the interaction URL but lacks the victim's binding cookie.
    const attacker = newBrowser(op);
    const response = await attacker.request(page.url, {
      method: 'POST',
      body: new URLSearchParams({ user: 'bob' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-oauth-error')).toBe('invalid_request');
    expect(response.headers.get('location')).toBeNull();
    expect(attacker.jar.names()).not.toContain('tessera.session');
  });

  it('answers no request with a 500 through the node adapter', () => {
    expect(op.errors).toEqual([]);
  });
});
