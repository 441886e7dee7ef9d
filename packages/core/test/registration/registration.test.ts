import { describe, expect, it } from 'vitest';
import { OAuthError } from '../../src/errors.js';
import { hashToken } from '../../src/tokens/hash.js';
import { createTestProvider, ISSUER, NOW } from '../support/harness.js';
import { json, register } from './helpers.js';

const REDIRECT = 'https://client.example.com/redirect';

describe('OpenID Connect Dynamic Client Registration 1.0 (pyOP TestProviderHandleRegistrationRequest)', () => {
  it('registers a client and returns its credentials and the request metadata', async () => {
    const { provider, stores } = await createTestProvider();
    const response = await provider.handleClientRegistrationRequest({ redirect_uris: [REDIRECT] });
    expect(response.client_id).toEqual(expect.any(String));
    expect(response.client_id_issued_at).toBe(NOW);
    expect(response.client_secret).toEqual(expect.any(String));
    expect(response.client_secret_expires_at).toBe(0);
    expect(response.redirect_uris).toEqual([REDIRECT]);
    const stored = await stores.clients.get(response.client_id as string);
    expect(stored?.metadata.redirect_uris).toEqual([REDIRECT]);
  });

  it('rejects a request without redirect_uris', async () => {
    const { provider } = await createTestProvider();
    const attempt = provider.handleClientRegistrationRequest({
      application_type: 'web',
      client_name: 'Foo',
    });
    await expect(attempt).rejects.toMatchObject({ error: 'invalid_redirect_uri' });
    await expect(attempt).rejects.toBeInstanceOf(OAuthError);
  });

  it('matches a space-separated response type regardless of word order', async () => {
    const { provider } = await createTestProvider();
    const response = await provider.handleClientRegistrationRequest({
      redirect_uris: [REDIRECT],
      response_types: ['token id_token'],
      grant_types: ['implicit'],
    });
    expect(response.response_types).toEqual(['id_token token']);
  });

  it('lets a client use its registered space-separated response type in an authentication request', async () => {
    const { provider } = await createTestProvider();
    const registered = await provider.handleClientRegistrationRequest({
      redirect_uris: [REDIRECT],
      response_types: ['id_token token'],
      grant_types: ['implicit'],
    });
    const request = await provider.parseAuthenticationRequest({
      response_type: 'id_token token',
      client_id: registered.client_id as string,
      redirect_uri: REDIRECT,
      scope: 'openid',
      nonce: 'nonce',
    });
    expect(request.client.clientId).toBe(registered.client_id);
  });

  it('narrows default_acr_values to the supported ones, as pyOP did', async () => {
    const { provider } = await createTestProvider({
      settings: { acrValuesSupported: ['2', '3', '4'] },
    });
    const response = await provider.handleClientRegistrationRequest({
      redirect_uris: [REDIRECT],
      default_acr_values: ['1', '2', '3'],
    });
    expect(response.default_acr_values).toEqual(['2', '3']);
  });

  it('rejects response types outside the supported set instead of narrowing them (pyOP narrowed)', async () => {
    const { provider } = await createTestProvider({
      settings: { responseTypes: ['code id_token token', 'id_token token'] },
    });
    const attempt = provider.handleClientRegistrationRequest({
      redirect_uris: [REDIRECT],
      response_types: ['code id_token token', 'code', 'id_token', 'id_token token'],
      grant_types: ['authorization_code', 'implicit'],
    });
    await expect(attempt).rejects.toMatchObject({ error: 'invalid_client_metadata' });
  });
});

describe('RFC 7591 client information response over HTTP', () => {
  it('answers 201, no-store, with defaults and registration management values', async () => {
    const { provider } = await createTestProvider();
    const response = await register(provider, { redirect_uris: [REDIRECT], foo: 'bar' });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await json(response);
    expect(body).toMatchObject({
      response_types: ['code'],
      grant_types: ['authorization_code'],
      application_type: 'web',
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
      foo: 'bar',
      client_secret_expires_at: 0,
    });
    expect(body.registration_access_token).toEqual(expect.any(String));
    expect(body.registration_client_uri).toBe(`${ISSUER}/register/${body.client_id}`);
  });

  it('stores only hashes of the client secret and the registration access token', async () => {
    const { provider, stores } = await createTestProvider();
    const body = await json(await register(provider, { redirect_uris: [REDIRECT] }));
    const stored = await stores.clients.get(body.client_id as string);
    expect(stored?.clientSecretHash).toBe(hashToken(body.client_secret as string));
    expect(stored?.clientSecret).toBeUndefined();
    expect(stored?.registrationAccessTokenHash).toBe(
      hashToken(body.registration_access_token as string),
    );
    expect(JSON.stringify(stored)).not.toContain(body.client_secret as string);
  });

  it('keeps the clear secret only for client_secret_jwt, which needs it as an HMAC key', async () => {
    const { provider, stores } = await createTestProvider();
    const body = await json(
      await register(provider, {
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'client_secret_jwt',
      }),
    );
    const stored = await stores.clients.get(body.client_id as string);
    expect(stored?.clientSecret).toBe(body.client_secret);
  });

  it('issues no secret to a public client (pyOP defect 12)', async () => {
    const { provider, stores } = await createTestProvider();
    const response = await register(provider, {
      redirect_uris: [REDIRECT],
      token_endpoint_auth_method: 'none',
    });
    expect(response.status).toBe(201);
    const body = await json(response);
    expect(body).not.toHaveProperty('client_secret');
    expect(body).not.toHaveProperty('client_secret_expires_at');
    const stored = await stores.clients.get(body.client_id as string);
    expect(stored?.clientSecretHash).toBeUndefined();
  });

  it('issues no secret to a private_key_jwt client', async () => {
    const { provider } = await createTestProvider();
    const body = await json(
      await register(provider, {
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'private_key_jwt',
        jwks_uri: 'https://client.example.com/jwks',
      }),
    );
    expect(body).not.toHaveProperty('client_secret');
  });

  it('ignores a client_id and client_secret chosen by the client', async () => {
    const { provider, stores } = await createTestProvider();
    const body = await json(
      await register(provider, {
        redirect_uris: [REDIRECT],
        client_id: 'client1-hijack',
        client_secret: 'mine',
      }),
    );
    expect(body.client_id).not.toBe('client1-hijack');
    expect(body.client_secret).not.toBe('mine');
    expect(await stores.clients.get('client1-hijack')).toBeUndefined();
  });

  it('gives every registration a different client id', async () => {
    const { provider } = await createTestProvider();
    const a = await json(await register(provider, { redirect_uris: [REDIRECT] }));
    const b = await json(await register(provider, { redirect_uris: [REDIRECT] }));
    expect(a.client_id).not.toBe(b.client_id);
  });
});

describe('Registration request validators (pyOP registration_request_validators)', () => {
  it('rejects with the OAuth error an app validator throws', async () => {
    const { provider } = await createTestProvider();
    provider.registrationRequestValidators.push(() => {
      throw new OAuthError('invalid_client_metadata', 'client_name is required here');
    });
    const response = await register(provider, { redirect_uris: [REDIRECT] });
    expect(response.status).toBe(400);
    expect((await json(response)).error).toBe('invalid_client_metadata');
  });

  it('answers server_error, not a crash, when an app validator fails unexpectedly', async () => {
    const { provider } = await createTestProvider();
    provider.registrationRequestValidators.push(() => {
      throw new Error('boom');
    });
    const response = await register(provider, { redirect_uris: [REDIRECT] });
    expect(response.status).toBe(500);
    expect((await json(response)).error).toBe('server_error');
  });

  it('passes the validated metadata, defaults included, to app validators', async () => {
    const { provider } = await createTestProvider();
    const seen: Record<string, unknown>[] = [];
    provider.registrationRequestValidators.push((metadata) => {
      seen.push(metadata);
    });
    await register(provider, { redirect_uris: [REDIRECT] });
    expect(seen[0]).toMatchObject({ redirect_uris: [REDIRECT], response_types: ['code'] });
  });
});
