import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../support/e2e-databases';
import { createTenant, createUser, type UserFixture } from '../support/fixtures';
import { useOp } from '../support/op-harness';
import { asUser, CALLBACK, callbackOf, newBrowser, registerClient } from '../support/relying-party';

/** OIDC Core 3.2.2.9 / 3.3.2.11: left half of the SHA-256 of the value, base64url. */
function leftHalfHash(value: string): string {
  const digest = createHash('sha256').update(value).digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

/** openid-client's switches from the code flow to another response type. */
const RESPONSE_TYPE_OF = {
  'id_token token': client.useIdTokenResponseType,
  'code id_token': client.useCodeIdTokenResponseType,
};

describe.each(databases())('Implicit and hybrid flows (OIDC Core 3.2, 3.3) on $name', (kind) => {
  const op = useOp(kind);
  let issuer: string;
  let alice: UserFixture;
  let registered: client.Configuration;

  beforeAll(async () => {
    const tenant = await createTenant(op.db);
    issuer = op.server.issuer(tenant.slug);
    alice = await createUser(op.db, tenant.id, { login: 'alice' });
    registered = await registerClient(issuer, {
      response_types: ['code', 'id_token token', 'code id_token'],
      grant_types: ['authorization_code', 'implicit'],
    });
  });

  /** A configuration of the registered client for another response type. */
  function configFor(responseType: 'id_token token' | 'code id_token'): client.Configuration {
    const metadata = registered.clientMetadata();
    const config = new client.Configuration(
      registered.serverMetadata(),
      metadata.client_id,
      metadata,
      client.ClientSecretBasic(metadata.client_secret as string),
    );
    client.allowInsecureRequests(config);
    RESPONSE_TYPE_OF[responseType](config);
    return config;
  }

  it('returns an ID token and an access token in the fragment for id_token token', async () => {
    const config = configFor('id_token token');
    const nonce = client.randomNonce();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      response_type: 'id_token token',
      scope: 'openid email',
      nonce,
      state,
    });
    const callback = callbackOf(await newBrowser().walk(url, asUser(alice)));
    expect(callback.search).toBe('');
    const fragment = new URLSearchParams(callback.hash.slice(1));
    const accessToken = fragment.get('access_token');
    expect(accessToken).toEqual(expect.any(String));
    expect(fragment.get('token_type')?.toLowerCase()).toBe('bearer');
    expect(fragment.has('code')).toBe(false);
    const claims = await client.implicitAuthentication(config, callback, nonce, {
      expectedState: state,
    });
    expect(claims.iss).toBe(issuer);
    expect(claims.aud).toBe(config.clientMetadata().client_id);
    expect(claims.nonce).toBe(nonce);
    expect(claims.at_hash).toBe(leftHalfHash(accessToken!));
    const userinfo = await client.fetchUserInfo(config, accessToken!, claims.sub);
    expect(userinfo.email).toBe(alice.email);
  });

  it('refuses an implicit request without a nonce with invalid_request in the fragment', async () => {
    const config = configFor('id_token token');
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      response_type: 'id_token token',
      scope: 'openid',
      nonce: 'removed',
      state: 'no-nonce',
    });
    url.searchParams.delete('nonce');
    const callback = callbackOf(await newBrowser().walk(url, asUser(alice)));
    const fragment = new URLSearchParams(callback.hash.slice(1));
    expect(fragment.get('error')).toBe('invalid_request');
    expect(fragment.get('state')).toBe('no-nonce');
  });

  it('returns a code and an ID token with c_hash for code id_token, and the code is redeemed', async () => {
    const config = configFor('code id_token');
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
    const callback = callbackOf(await newBrowser().walk(url, asUser(alice)));
    const fragment = new URLSearchParams(callback.hash.slice(1));
    const code = fragment.get('code');
    const idToken = fragment.get('id_token');
    expect(code).toEqual(expect.any(String));
    const payload = JSON.parse(Buffer.from(idToken!.split('.')[1]!, 'base64url').toString()) as {
      c_hash?: string;
    };
    expect(payload.c_hash).toBe(leftHalfHash(code!));
    // openid-client checks the front-channel ID token (c_hash, nonce, state) before redeeming.
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedNonce: nonce,
      expectedState: state,
    });
    expect(tokens.access_token).toEqual(expect.any(String));
    expect(tokens.claims()?.nonce).toBe(nonce);
  });
});
