import { describe, expect, it } from 'vitest';
import { createTestProvider, get, ISSUER } from '../support/harness.js';
import { json, manage, register } from './helpers.js';

const METADATA = { redirect_uris: ['https://client.example.com/redirect'] };

describe('Registration policy: off', () => {
  it('answers 404 as if the endpoint did not exist, and hides it from discovery', async () => {
    const { provider } = await createTestProvider({ settings: { registration: 'off' } });
    const response = await register(provider, METADATA);
    expect(response.status).toBe(404);
    expect((await json(response)).error).toBe('registration_not_supported');
    const discovery = await json(await get(provider, '/.well-known/openid-configuration'));
    expect(discovery).not.toHaveProperty('registration_endpoint');
  });

  it('also closes the client configuration endpoint', async () => {
    const { provider } = await createTestProvider({ settings: { registration: 'off' } });
    const response = await manage(provider, 'GET', 'client1', 'token');
    expect(response.status).toBe(404);
  });
});

describe('Registration policy: initial access token (RFC 7591 3)', () => {
  async function gated(verify?: (token: string) => Promise<boolean>) {
    return createTestProvider({
      settings: { registration: 'initial_access_token' },
      ...(verify && { verifyInitialAccessToken: verify }),
    });
  }

  it('registers with a token the host accepts', async () => {
    const seen: string[] = [];
    const { provider } = await gated(async (token) => {
      seen.push(token);
      return token === 'iat-1';
    });
    const response = await register(provider, METADATA, { authorization: 'bearer iat-1' });
    expect(response.status).toBe(201);
    expect(seen).toEqual(['iat-1']);
  });

  it('answers a missing token with 401 and a bare Bearer challenge', async () => {
    const { provider } = await gated(async () => true);
    const response = await register(provider, METADATA);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="registration"');
  });

  it('answers a rejected token with 401 invalid_token', async () => {
    const { provider } = await gated(async () => false);
    const response = await register(provider, METADATA, { authorization: 'Bearer nope' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect((await json(response)).error).toBe('invalid_token');
  });

  it('answers a Basic header like a missing token', async () => {
    const { provider } = await gated(async () => true);
    const response = await register(provider, METADATA, { authorization: 'Basic YTpi' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="registration"');
  });

  it('rejects every token when the host configured no verifier', async () => {
    const { provider } = await gated();
    const response = await register(provider, METADATA, { authorization: 'Bearer x' });
    expect(response.status).toBe(401);
  });

  it('answers server_error when the verifier itself fails', async () => {
    const { provider } = await gated(async () => {
      throw new Error('database down');
    });
    const response = await register(provider, METADATA, { authorization: 'Bearer x' });
    expect(response.status).toBe(500);
    expect((await json(response)).error).toBe('server_error');
  });
});

describe('Malformed registration requests', () => {
  const cases: [string, string, string][] = [
    ['invalid JSON', 'application/json', '{"redirect_uris": ['],
    ['a JSON array', 'application/json', '[]'],
    ['a JSON string', 'application/json', '"hello"'],
    ['JSON null', 'application/json', 'null'],
    ['a form body', 'application/x-www-form-urlencoded', 'redirect_uris=https://a/cb'],
    ['an empty body', 'application/json', ''],
  ];
  for (const [what, type, body] of cases) {
    it(`rejects ${what} with invalid_client_metadata`, async () => {
      const { provider } = await createTestProvider();
      const response = await provider.handle(
        new Request(`${ISSUER}/register`, {
          method: 'POST',
          headers: { 'content-type': type },
          body,
        }),
      );
      expect(response.status).toBe(400);
      expect((await json(response)).error).toBe('invalid_client_metadata');
    });
  }

  it('accepts application/json with a charset parameter', async () => {
    const { provider } = await createTestProvider();
    const response = await register(provider, JSON.stringify(METADATA), {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(response.status).toBe(201);
  });

  it('rejects GET on the registration endpoint with 405', async () => {
    const { provider } = await createTestProvider();
    const response = await get(provider, '/register');
    expect(response.status).toBe(405);
  });
});
