/** Authorization code grant at the token endpoint (RFC 6749 4.1.3, OIDC Core 3.1.3), black box. */
import { describe, expect, it } from 'vitest';
import { createTestProvider, NOW, postForm, USER1 } from '../support/harness.js';
import {
  CLIENT1_AUTH,
  decodeJwt,
  exchangeCode,
  expectError,
  issueCode,
  json,
  postToken,
  verifiedIdToken,
} from '../support/tokens.js';

describe('Token endpoint: authorization_code (RFC 6749 4.1.3)', () => {
  it('returns a Bearer token, an ID token and the scope, never cached, readable cross-origin', async () => {
    const { provider } = await createTestProvider();
    const { code } = await issueCode(provider, { scope: 'openid profile' });
    const response = await exchangeCode(provider, code);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = await json(response);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'openid profile' });
    expect(body.access_token).toEqual(expect.any(String));
    expect('refresh_token' in body).toBe(false);
    const idToken = await verifiedIdToken(provider, body.id_token);
    expect(idToken).toMatchObject({ nonce: 'nonce', auth_time: NOW, iat: NOW });
    expect(idToken.at_hash).toEqual(expect.any(String));
    expect(idToken.c_hash).toBeUndefined();
  });

  it('leaves scope claims out of the ID token; they are for userinfo', async () => {
    const { provider } = await createTestProvider();
    const { code } = await issueCode(provider, { scope: 'openid profile email' });
    const idToken = decodeJwt(String((await json(await exchangeCode(provider, code))).id_token));
    expect(idToken.name).toBeUndefined();
    expect(idToken.email).toBeUndefined();
  });

  it('issues no ID token without the openid scope', async () => {
    const { provider } = await createTestProvider();
    const { code } = await issueCode(provider, { scope: 'profile' });
    const body = await json(await exchangeCode(provider, code));
    expect(body.id_token).toBeUndefined();
    expect(body.access_token).toEqual(expect.any(String));
  });

  it('rejects a code without a redirect_uri with invalid_request', async () => {
    const { provider } = await createTestProvider();
    const { code } = await issueCode(provider);
    const response = await postToken(provider, { grant_type: 'authorization_code', code });
    await expectError(response, 400, 'invalid_request');
  });

  it('rejects a redirect_uri differing from the authorization request with invalid_grant', async () => {
    const { provider } = await createTestProvider();
    const { code } = await issueCode(provider);
    const response = await exchangeCode(provider, code, {
      redirect_uri: 'https://client.example.com/cb/',
    });
    await expectError(response, 400, 'invalid_grant');
  });

  it('rejects an unknown code with invalid_grant', async () => {
    const { provider } = await createTestProvider();
    await expectError(await exchangeCode(provider, 'nope'), 400, 'invalid_grant');
  });

  it('rejects an expired code with invalid_grant', async () => {
    const { provider, clock } = await createTestProvider();
    const { code } = await issueCode(provider);
    clock.advance(601);
    await expectError(await exchangeCode(provider, code), 400, 'invalid_grant');
  });

  it('rejects a replayed code and revokes the access token issued from it (RFC 6749 4.1.2)', async () => {
    const { provider } = await createTestProvider();
    const { code } = await issueCode(provider);
    const first = await json(await exchangeCode(provider, code));
    await expectError(await exchangeCode(provider, code), 400, 'invalid_grant');
    const introspection = await postForm(
      provider,
      '/token/introspection',
      { token: String(first.access_token) },
      CLIENT1_AUTH,
    );
    expect(await json(introspection)).toEqual({ active: false });
  });

  it('refuses a code whose user was disabled or removed with invalid_grant', async () => {
    const { provider, adapter } = await createTestProvider();
    const { code } = await issueCode(provider);
    adapter.putUser('tenant-a', { ...USER1, disabled: true });
    await expectError(await exchangeCode(provider, code), 400, 'invalid_grant');
  });

  it('honours host extra ID token claims given to the provider (pyOP defect 1)', async () => {
    const { provider } = await createTestProvider({
      extraIdTokenClaims: async (userId, clientId) => ({ foo: `${userId}@${clientId}` }),
    });
    const { code } = await issueCode(provider);
    const idToken = decodeJwt(String((await json(await exchangeCode(provider, code))).id_token));
    expect(idToken.foo).toBe('user1@client1');
  });

  it('merges claims stored on the grant with the host extra claims, protected claims untouched', async () => {
    const { provider } = await createTestProvider({
      extraIdTokenClaims: { foo: 'bar', sub: 'evil' },
    });
    const { code, grant } = await issueCode(provider, { extraIdTokenClaims: { stored: 1 } });
    const idToken = decodeJwt(String((await json(await exchangeCode(provider, code))).id_token));
    expect(idToken).toMatchObject({ foo: 'bar', stored: 1, sub: grant.sub });
  });
});

describe('Token endpoint: request handling (RFC 6749 3.2, 5.2)', () => {
  it('answers an unknown grant_type with unsupported_grant_type', async () => {
    const { provider } = await createTestProvider();
    await expectError(
      await postToken(provider, { grant_type: 'password' }),
      400,
      'unsupported_grant_type',
    );
  });

  it('answers a grant type the tenant disabled with unsupported_grant_type', async () => {
    const { provider } = await createTestProvider({
      settings: { grantTypes: ['authorization_code'] },
    });
    await expectError(
      await postToken(provider, { grant_type: 'refresh_token', refresh_token: 'x' }),
      400,
      'unsupported_grant_type',
    );
  });

  it('answers a grant type the client did not register with unauthorized_client', async () => {
    const { provider } = await createTestProvider();
    await expectError(
      await postToken(provider, { grant_type: 'client_credentials' }),
      400,
      'unauthorized_client',
    );
  });

  it('answers a missing grant_type with invalid_request', async () => {
    const { provider } = await createTestProvider();
    await expectError(await postToken(provider, {}), 400, 'invalid_request');
  });

  it('authenticates the client before looking at the grant', async () => {
    const { provider } = await createTestProvider();
    await expectError(
      await postToken(provider, { grant_type: 'password' }, {}),
      401,
      'invalid_client',
    );
  });

  it('rejects a body that is not form-encoded with invalid_request', async () => {
    const { provider } = await createTestProvider();
    const response = await provider.handle(
      new Request(`${provider.issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...CLIENT1_AUTH },
        body: '{}',
      }),
    );
    await expectError(response, 400, 'invalid_request');
  });

  it('rejects a repeated parameter with invalid_request', async () => {
    const { provider } = await createTestProvider();
    const response = await provider.handle(
      new Request(`${provider.issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...CLIENT1_AUTH },
        body: 'grant_type=authorization_code&code=a&code=b',
      }),
    );
    await expectError(response, 400, 'invalid_request');
  });
});

describe('Token endpoint: refresh token issuance at code exchange', () => {
  it('issues a refresh token when a lifetime is set and the client may refresh', async () => {
    const { provider } = await createTestProvider({
      settings: { lifetimes: { refreshToken: 3600 } },
    });
    const { code } = await issueCode(provider);
    expect((await json(await exchangeCode(provider, code))).refresh_token).toEqual(
      expect.any(String),
    );
  });

  it('issues none when the client did not register the refresh_token grant', async () => {
    const { provider, stores } = await createTestProvider({
      settings: { lifetimes: { refreshToken: 3600 } },
    });
    const client = (await stores.clients.get('client1'))!;
    await stores.clients.update({
      ...client,
      metadata: { ...client.metadata, grant_types: ['authorization_code'] },
    });
    const { code } = await issueCode(provider);
    expect('refresh_token' in (await json(await exchangeCode(provider, code)))).toBe(false);
  });

  it('requires offline_access when the tenant says so (OIDC Core 11)', async () => {
    const { provider } = await createTestProvider({
      settings: { lifetimes: { refreshToken: 3600 }, refreshTokensRequireOfflineAccess: true },
    });
    const without = await issueCode(provider, { scope: 'openid' });
    expect('refresh_token' in (await json(await exchangeCode(provider, without.code)))).toBe(false);
    const withOffline = await issueCode(provider, { scope: 'openid offline_access' });
    const body = await json(await exchangeCode(provider, withOffline.code));
    expect(body.refresh_token).toEqual(expect.any(String));
  });
});
