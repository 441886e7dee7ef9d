import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK, putClient, type RunningOp, startOp } from './op-server.js';
import { describeOutcome, discoverAs, newBrowser } from './relying-party.js';

let op: RunningOp;

beforeAll(async () => {
  op = await startOp();
  await putClient(op, 'implicit-app', {}, 'implicit-secret');
});

afterAll(async () => {
  await op?.close();
});

/** OIDC Core 3.2.2.9 / 3.3.2.11: left half of the SHA-256 of the value, base64url. */
function leftHalfHash(value: string): string {
  const digest = createHash('sha256').update(value).digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

async function implicitConfig(): Promise<client.Configuration> {
  const config = await discoverAs(op, 'implicit-app', 'implicit-secret');
  client.useIdTokenResponseType(config);
  return config;
}

async function authorizeTo(url: URL): Promise<URL> {
  const outcome = await newBrowser(op).walk(url);
  if (outcome.kind !== 'callback') throw new Error(describeOutcome(outcome));
  return outcome.url;
}

describe('Implicit flow (OIDC Core 3.2) through openid-client', () => {
  it('returns an ID token in the fragment that implicitAuthentication validates (response_type=id_token)', async () => {
    const config = await implicitConfig();
    const nonce = client.randomNonce();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: 'openid',
      nonce,
      state,
    });
    expect(url.searchParams.get('response_type')).toBe('id_token');
    const callback = await authorizeTo(url);
    expect(callback.search).toBe('');
    const fragment = new URLSearchParams(callback.hash.slice(1));
    expect(fragment.has('access_token')).toBe(false);
    expect(fragment.has('code')).toBe(false);
    const claims = await client.implicitAuthentication(config, callback, nonce, {
      expectedState: state,
    });
    expect(claims.iss).toBe(op.issuer);
    expect(claims.aud).toBe('implicit-app');
    expect(claims.nonce).toBe(nonce);
  });

  it('returns an access token with a matching at_hash for response_type=id_token token', async () => {
    const config = await implicitConfig();
    const nonce = client.randomNonce();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: 'openid email',
      response_type: 'id_token token',
      nonce,
      state,
    });
    const callback = await authorizeTo(url);
    const fragment = new URLSearchParams(callback.hash.slice(1));
    const accessToken = fragment.get('access_token');
    expect(accessToken).toEqual(expect.any(String));
    expect(fragment.get('token_type')?.toLowerCase()).toBe('bearer');
    const claims = await client.implicitAuthentication(config, callback, nonce, {
      expectedState: state,
    });
    expect(claims.at_hash).toBe(leftHalfHash(accessToken!));
    const userinfo = await client.fetchUserInfo(config, accessToken!, claims.sub);
    expect(userinfo.email).toBe('alice@example.com');
  });

  it('refuses an implicit request without a nonce with an invalid_request redirect', async () => {
    const config = await implicitConfig();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: 'openid',
      nonce,
      state: 'st',
    });
    // openid-client insists on a nonce for id_token; a careless RP hand-building the URL does not.
    url.searchParams.delete('nonce');
    const callback = await authorizeTo(url);
    const fragment = new URLSearchParams(callback.hash.slice(1));
    expect(fragment.get('error')).toBe('invalid_request');
    expect(fragment.get('state')).toBe('st');
  });
});

describe('Hybrid flow code id_token (OIDC Core 3.3) through openid-client', () => {
  it('returns a code and an ID token with c_hash, and openid-client exchanges the code', async () => {
    const config = await discoverAs(op, 'implicit-app', 'implicit-secret');
    client.useCodeIdTokenResponseType(config);
    const nonce = client.randomNonce();
    const state = client.randomState();
    const verifier = client.randomPKCECodeVerifier();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: 'openid email',
      nonce,
      state,
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('response_type')).toBe('code id_token');
    const callback = await authorizeTo(url);
    const fragment = new URLSearchParams(callback.hash.slice(1));
    expect(fragment.get('code')).toEqual(expect.any(String));
    expect(fragment.get('id_token')).toEqual(expect.any(String));
    // openid-client checks the front-channel ID token (c_hash, nonce, state) before redeeming.
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedNonce: nonce,
      expectedState: state,
    });
    expect(tokens.claims()?.nonce).toBe(nonce);
    expect(tokens.access_token).toEqual(expect.any(String));
  });
});
