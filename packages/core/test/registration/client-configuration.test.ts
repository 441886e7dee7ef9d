import { describe, expect, it } from 'vitest';
import { hashToken } from '../../src/tokens/hash.js';
import { createTestProvider, ISSUER, type TestProvider } from '../support/harness.js';
import { json, manage, register } from './helpers.js';

const REDIRECT = 'https://client.example.com/redirect';

async function registered(test: TestProvider, extra: Record<string, unknown> = {}) {
  const body = await json(await register(test.provider, { redirect_uris: [REDIRECT], ...extra }));
  return {
    clientId: body.client_id as string,
    secret: body.client_secret as string | undefined,
    token: body.registration_access_token as string,
    body,
  };
}

function expectBearerChallenge(response: Response, error?: string): void {
  expect(response.status).toBe(401);
  const challenge = response.headers.get('www-authenticate') ?? '';
  expect(challenge).toMatch(/^Bearer realm="registration"/);
  if (error) expect(challenge).toContain(`error="${error}"`);
  else expect(challenge).not.toContain('error=');
}

describe('RFC 7592 client read', () => {
  it('returns the current registration without the secret or the access token', async () => {
    const test = await createTestProvider();
    const client = await registered(test, { client_name: 'Mine' });
    const response = await manage(test.provider, 'GET', client.clientId, client.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await json(response);
    expect(body).toMatchObject({
      client_id: client.clientId,
      client_name: 'Mine',
      redirect_uris: [REDIRECT],
      client_secret_expires_at: 0,
      registration_client_uri: `${ISSUER}/register/${client.clientId}`,
    });
    expect(body).not.toHaveProperty('client_secret');
    expect(body).not.toHaveProperty('registration_access_token');
  });

  it('answers a wrong token and an unknown client alike: 401 invalid_token', async () => {
    const test = await createTestProvider();
    const client = await registered(test);
    const other = await registered(test);
    const wrong = await manage(test.provider, 'GET', client.clientId, other.token);
    expectBearerChallenge(wrong, 'invalid_token');
    const unknown = await manage(test.provider, 'GET', 'no-such-client', client.token);
    expectBearerChallenge(unknown, 'invalid_token');
    expect(await json(wrong)).toEqual(await json(unknown));
  });

  it('answers a request without a token with a bare Bearer challenge', async () => {
    const test = await createTestProvider();
    const client = await registered(test);
    expectBearerChallenge(await manage(test.provider, 'GET', client.clientId, undefined));
  });

  it('refuses clients that were not dynamically registered (no registration access token)', async () => {
    const test = await createTestProvider();
    const response = await manage(test.provider, 'GET', 'client1', 'anything');
    expectBearerChallenge(response, 'invalid_token');
  });

  it('rejects a malformed bearer token with invalid_request', async () => {
    const test = await createTestProvider();
    const client = await registered(test);
    const response = await test.provider.handle(
      new Request(`${ISSUER}/register/${client.clientId}`, {
        headers: { authorization: 'Bearer a b c' },
      }),
    );
    expect(response.status).toBe(400);
    expect((await json(response)).error).toBe('invalid_request');
  });
});

describe('RFC 7592 client update', () => {
  it('replaces the metadata, resets omitted fields to defaults, and keeps the token', async () => {
    const test = await createTestProvider();
    const client = await registered(test, { client_name: 'Old', contacts: ['a@example.com'] });
    const response = await manage(test.provider, 'PUT', client.clientId, client.token, {
      client_id: client.clientId,
      redirect_uris: ['https://client.example.com/new'],
      client_name: 'New',
    });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({
      client_name: 'New',
      redirect_uris: ['https://client.example.com/new'],
    });
    expect(body).not.toHaveProperty('contacts');
    expect(body).not.toHaveProperty('client_secret');
    const stored = await test.stores.clients.get(client.clientId);
    expect(stored?.metadata.client_name).toBe('New');
    expect(stored?.clientSecretHash).toBe(hashToken(client.secret!));
    const again = await manage(test.provider, 'GET', client.clientId, client.token);
    expect(again.status).toBe(200);
  });

  it('accepts the current client_secret in the request', async () => {
    const test = await createTestProvider();
    const client = await registered(test);
    const response = await manage(test.provider, 'PUT', client.clientId, client.token, {
      client_id: client.clientId,
      client_secret: client.secret,
      redirect_uris: [REDIRECT],
    });
    expect(response.status).toBe(200);
  });

  it('rejects a client_secret that is not the current one', async () => {
    const test = await createTestProvider();
    const client = await registered(test);
    const response = await manage(test.provider, 'PUT', client.clientId, client.token, {
      client_id: client.clientId,
      client_secret: 'guess',
      redirect_uris: [REDIRECT],
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error).toBe('invalid_client_metadata');
  });

  it('rejects a missing or different client_id with invalid_request', async () => {
    const test = await createTestProvider();
    const client = await registered(test);
    for (const clientId of [undefined, 'client1']) {
      const response = await manage(test.provider, 'PUT', client.clientId, client.token, {
        ...(clientId && { client_id: clientId }),
        redirect_uris: [REDIRECT],
      });
      expect(response.status).toBe(400);
      expect((await json(response)).error).toBe('invalid_request');
    }
  });

  it('validates the new metadata exactly like registration', async () => {
    const test = await createTestProvider();
    const client = await registered(test);
    const response = await manage(test.provider, 'PUT', client.clientId, client.token, {
      client_id: client.clientId,
      redirect_uris: ['http://client.example.com/cb'],
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error).toBe('invalid_redirect_uri');
    const stored = await test.stores.clients.get(client.clientId);
    expect(stored?.metadata.redirect_uris).toEqual([REDIRECT]);
  });

  it('drops the secret when the client becomes public, and issues one when it needs one again', async () => {
    const test = await createTestProvider();
    const client = await registered(test);
    const toPublic = await manage(test.provider, 'PUT', client.clientId, client.token, {
      client_id: client.clientId,
      redirect_uris: [REDIRECT],
      token_endpoint_auth_method: 'none',
    });
    expect(toPublic.status).toBe(200);
    expect((await test.stores.clients.get(client.clientId))?.clientSecretHash).toBeUndefined();
    const back = await json(
      await manage(test.provider, 'PUT', client.clientId, client.token, {
        client_id: client.clientId,
        redirect_uris: [REDIRECT],
        token_endpoint_auth_method: 'client_secret_post',
      }),
    );
    expect(back.client_secret).toEqual(expect.any(String));
    expect(back.client_secret).not.toBe(client.secret);
    expect((await test.stores.clients.get(client.clientId))?.clientSecretHash).toBe(
      hashToken(back.client_secret as string),
    );
  });

  it('rejects a body that is not JSON with invalid_client_metadata', async () => {
    const test = await createTestProvider();
    const client = await registered(test);
    const response = await test.provider.handle(
      new Request(`${ISSUER}/register/${client.clientId}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
        body: '{nope',
      }),
    );
    expect(response.status).toBe(400);
    expect((await json(response)).error).toBe('invalid_client_metadata');
  });

  it('refuses an update with a wrong token before reading the body', async () => {
    const test = await createTestProvider();
    const client = await registered(test);
    const response = await manage(test.provider, 'PUT', client.clientId, 'wrong', {
      client_id: client.clientId,
      redirect_uris: [REDIRECT],
    });
    expectBearerChallenge(response, 'invalid_token');
  });
});

describe('RFC 7592 client delete', () => {
  it('deletes the client and its grants, then answers 401 to its token', async () => {
    const test = await createTestProvider();
    const client = await registered(test);
    const grant = await test.provider.context.state.createGrant({
      clientId: client.clientId,
      userId: 'user1',
      sub: 'sub',
      scope: 'openid',
    });
    const response = await manage(test.provider, 'DELETE', client.clientId, client.token);
    expect(response.status).toBe(204);
    expect(await test.stores.clients.get(client.clientId)).toBeUndefined();
    expect(await test.stores.grants.get(grant.id)).toBeUndefined();
    expectBearerChallenge(
      await manage(test.provider, 'GET', client.clientId, client.token),
      'invalid_token',
    );
  });

  it('does not delete with a wrong token', async () => {
    const test = await createTestProvider();
    const client = await registered(test);
    const other = await registered(test);
    expectBearerChallenge(
      await manage(test.provider, 'DELETE', client.clientId, other.token),
      'invalid_token',
    );
    expect(await test.stores.clients.get(client.clientId)).toBeDefined();
  });
});

describe('RFC 7592 client configuration URL', () => {
  it('answers a malformed percent-encoded client id with 404, not a server error', async () => {
    const test = await createTestProvider();
    const response = await test.provider.handle(
      new Request(`${ISSUER}/register/%E0`, { headers: { authorization: 'Bearer x' } }),
    );
    expect(response.status).toBe(404);
  });
});
