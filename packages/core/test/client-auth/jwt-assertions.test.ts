/** client_secret_jwt and private_key_jwt (RFC 7523 3, OIDC Core 9), black box. */

import type { CryptoKey } from 'jose';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestProvider,
  ISSUER,
  NOW,
  postForm,
  putClient,
  type TestProvider,
} from '../support/harness.js';
import { expectError } from '../support/tokens.js';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const TOKEN_ENDPOINT = `${ISSUER}/token`;

let privateKey: CryptoKey;
let publicJwk: Record<string, unknown>;
let otherKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', use: 'sig' };
  otherKey = (await generateKeyPair('ES256')).privateKey;
});

let jtiCounter = 0;
function claims(clientId: string, overrides: JWTPayload = {}): JWTPayload {
  jtiCounter += 1;
  return {
    iss: clientId,
    sub: clientId,
    aud: TOKEN_ENDPOINT,
    exp: NOW + 60,
    iat: NOW,
    jti: `jti-${jtiCounter}`,
    ...overrides,
  };
}

function signEs256(payload: JWTPayload, key = privateKey): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).sign(key);
}

function signHs256(payload: JWTPayload, secret: string, alg = 'HS256'): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg }).sign(new TextEncoder().encode(secret));
}

function token(
  t: TestProvider,
  assertion: string,
  extra: Record<string, string> = {},
  path = '/token',
) {
  return postForm(t.provider, path, {
    grant_type: 'client_credentials',
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: assertion,
    ...extra,
  });
}

describe('Client authentication: private_key_jwt with an ES256 key', () => {
  let t: TestProvider;
  beforeEach(async () => {
    t = await createTestProvider();
    await putClient(t.stores, 'pkj', {
      grant_types: ['client_credentials'],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [publicJwk] },
    });
  });

  it('authenticates a valid assertion', async () => {
    expect((await token(t, await signEs256(claims('pkj')))).status).toBe(200);
  });

  it('accepts the issuer as audience, and a matching client_id parameter', async () => {
    const assertion = await signEs256(claims('pkj', { aud: [ISSUER] }));
    expect((await token(t, assertion, { client_id: 'pkj' })).status).toBe(200);
  });

  it('rejects a replayed jti with invalid_client', async () => {
    const assertion = await signEs256(claims('pkj'));
    expect((await token(t, assertion)).status).toBe(200);
    await expectError(await token(t, assertion), 401, 'invalid_client');
  });

  it('rejects a wrong audience with invalid_client', async () => {
    const assertion = await signEs256(
      claims('pkj', { aud: 'https://elsewhere.example.com/token' }),
    );
    await expectError(await token(t, assertion), 401, 'invalid_client');
  });

  it('rejects an expired assertion with invalid_client', async () => {
    const assertion = await signEs256(claims('pkj', { exp: NOW - 60 }));
    await expectError(await token(t, assertion), 401, 'invalid_client');
  });

  it('rejects an assertion living longer than clientAssertionMaxAge', async () => {
    const assertion = await signEs256(claims('pkj', { exp: NOW + 3600 }));
    await expectError(await token(t, assertion), 401, 'invalid_client');
  });

  it('rejects an assertion without jti or exp', async () => {
    const { jti: _jti, ...noJti } = claims('pkj');
    await expectError(await token(t, await signEs256(noJti)), 401, 'invalid_client');
    const { exp: _exp, ...noExp } = claims('pkj');
    await expectError(await token(t, await signEs256(noExp)), 401, 'invalid_client');
  });

  it('rejects a signature by a key the client did not register', async () => {
    await expectError(
      await token(t, await signEs256(claims('pkj'), otherKey)),
      401,
      'invalid_client',
    );
  });

  it('rejects iss different from sub', async () => {
    await expectError(
      await token(t, await signEs256(claims('pkj', { iss: 'client1' }))),
      401,
      'invalid_client',
    );
  });

  it('rejects a client_id parameter naming another client', async () => {
    const response = await token(t, await signEs256(claims('pkj')), { client_id: 'client1' });
    await expectError(response, 401, 'invalid_client');
  });

  it('rejects a wrong client_assertion_type with invalid_client, a missing one with invalid_request', async () => {
    const assertion = await signEs256(claims('pkj'));
    await expectError(
      await token(t, assertion, { client_assertion_type: 'urn:other' }),
      401,
      'invalid_client',
    );
    const response = await postForm(t.provider, '/token', {
      grant_type: 'client_credentials',
      client_assertion: assertion,
    });
    await expectError(response, 400, 'invalid_request');
  });

  it('rejects garbage instead of a JWT with invalid_client', async () => {
    await expectError(await token(t, 'not.a.jwt'), 401, 'invalid_client');
  });

  it('enforces a registered token_endpoint_auth_signing_alg', async () => {
    const client = (await t.stores.clients.get('pkj'))!;
    await t.stores.clients.update({
      ...client,
      metadata: { ...client.metadata, token_endpoint_auth_signing_alg: 'RS256' },
    });
    await expectError(await token(t, await signEs256(claims('pkj'))), 401, 'invalid_client');
  });

  it('fetches the keys from jwks_uri through the injected fetch', async () => {
    const fetched: string[] = [];
    const other = await createTestProvider({
      fetch: (async (input: RequestInfo | URL) => {
        fetched.push(String(input));
        return new Response(JSON.stringify({ keys: [publicJwk] }), {
          headers: { 'content-type': 'application/json' },
        });
      }) as typeof fetch,
    });
    await putClient(other.stores, 'remote', {
      grant_types: ['client_credentials'],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks_uri: 'https://remote.example.com/jwks',
    });
    expect((await token(other, await signEs256(claims('remote')))).status).toBe(200);
    expect(fetched).toEqual(['https://remote.example.com/jwks']);
  });

  it('fails closed with invalid_client when jwks_uri cannot be fetched', async () => {
    const other = await createTestProvider({
      fetch: (async () => {
        throw new TypeError('network down');
      }) as typeof fetch,
    });
    await putClient(other.stores, 'remote', {
      grant_types: ['client_credentials'],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks_uri: 'https://remote.example.com/jwks',
    });
    await expectError(await token(other, await signEs256(claims('remote'))), 401, 'invalid_client');
  });

  it('accepts the introspection endpoint as audience when calling it', async () => {
    const assertion = await signEs256(claims('pkj', { aud: `${ISSUER}/token/introspection` }));
    const response = await token(t, assertion, { token: 'unknown' }, '/token/introspection');
    expect(response.status).toBe(200);
  });
});

describe('Client authentication: client_secret_jwt', () => {
  const SECRET = 'a-long-shared-secret-for-hmac-0123456789';
  let t: TestProvider;
  beforeEach(async () => {
    t = await createTestProvider();
    await putClient(
      t.stores,
      'csj',
      { grant_types: ['client_credentials'], token_endpoint_auth_method: 'client_secret_jwt' },
      SECRET,
    );
  });

  it.each(['HS256', 'HS384', 'HS512'])('authenticates an assertion MACed with %s', async (alg) => {
    expect((await token(t, await signHs256(claims('csj'), SECRET, alg))).status).toBe(200);
  });

  it('rejects an assertion MACed with another secret', async () => {
    await expectError(
      await token(t, await signHs256(claims('csj'), `${SECRET}x`)),
      401,
      'invalid_client',
    );
  });

  it('rejects a replayed jti', async () => {
    const assertion = await signHs256(claims('csj'), SECRET);
    expect((await token(t, assertion)).status).toBe(200);
    await expectError(await token(t, assertion), 401, 'invalid_client');
  });

  it('rejects an asymmetric assertion for a client_secret_jwt client', async () => {
    await expectError(await token(t, await signEs256(claims('csj'))), 401, 'invalid_client');
  });

  it('rejects a secret assertion for a private_key_jwt client', async () => {
    await putClient(t.stores, 'pkj', {
      grant_types: ['client_credentials'],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [publicJwk] },
    });
    await expectError(
      await token(t, await signHs256(claims('pkj'), SECRET)),
      401,
      'invalid_client',
    );
  });
});
