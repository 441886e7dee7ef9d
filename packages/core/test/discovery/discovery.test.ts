import { describe, expect, it } from 'vitest';
import { createTestProvider, get, ISSUER } from '../support/harness.js';

describe('OpenID Connect Discovery 1.0', () => {
  it('publishes the issuer and every endpoint under the issuer', async () => {
    const { provider } = await createTestProvider();
    const response = await get(provider, '/.well-known/openid-configuration');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const document = (await response.json()) as Record<string, unknown>;
    expect(document.issuer).toBe(ISSUER);
    for (const key of [
      'authorization_endpoint',
      'token_endpoint',
      'userinfo_endpoint',
      'jwks_uri',
      'registration_endpoint',
      'introspection_endpoint',
      'revocation_endpoint',
      'end_session_endpoint',
    ]) {
      expect(String(document[key])).toMatch(new RegExp(`^${ISSUER}/`));
    }
    expect(document.code_challenge_methods_supported).toEqual(['S256']);
    expect(document.authorization_response_iss_parameter_supported).toBe(true);
    expect(document.request_uri_parameter_supported).toBe(false);
  });

  it('keeps unknown metadata given by the host, as pyOP does', async () => {
    const { provider } = await createTestProvider({ extraMetadata: { foo: 'bar', abc: 'xyz' } });
    expect(provider.configuration).toMatchObject({ foo: 'bar', abc: 'xyz' });
  });

  it('adds extra scopes to scopes_supported exactly once and in a stable order', async () => {
    const { provider } = await createTestProvider({
      settings: { extraScopes: { eduperson: ['affiliation'], openid: ['sub'] } },
    });
    const scopes = provider.configuration.scopes_supported as string[];
    expect(scopes).toEqual([
      'openid',
      'profile',
      'email',
      'address',
      'phone',
      'offline_access',
      'eduperson',
    ]);
  });

  it('answers an unknown path under the issuer with 404', async () => {
    const { provider } = await createTestProvider();
    const response = await get(provider, '/nope');
    expect(response.status).toBe(404);
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    const { provider } = await createTestProvider();
    const response = await provider.handle(
      new Request(`${ISSUER}/.well-known/openid-configuration`, { method: 'DELETE' }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('rejects an issuer with a query, a fragment or plain http off localhost', async () => {
    for (const issuer of [
      'https://op.example.com/a?x=1',
      'https://op.example.com/a#f',
      'http://op.example.com/a',
    ]) {
      await expect(createTestProvider({ issuer })).rejects.toThrow(TypeError);
    }
  });

  it('accepts plain http for loopback development hosts, *.localhost included (RFC 6761)', async () => {
    for (const issuer of [
      'http://localhost:3000/acme',
      'http://127.0.0.1:3000/acme',
      'http://id.acme.localhost:3000',
    ]) {
      const { provider } = await createTestProvider({ issuer });
      expect(provider.configuration.issuer).toBe(issuer);
    }
    await expect(createTestProvider({ issuer: 'http://localhost.example.com' })).rejects.toThrow(
      TypeError,
    );
  });
});

describe('JWKS', () => {
  it('publishes public parts only, one entry per key with a unique kid', async () => {
    const { provider } = await createTestProvider({ algorithms: ['RS256', 'ES256', 'EdDSA'] });
    const response = await get(provider, '/jwks');
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys.map((k) => k.alg).sort()).toEqual(['ES256', 'EdDSA', 'RS256']);
    expect(new Set(keys.map((k) => k.kid)).size).toBe(3);
    for (const key of keys) {
      for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi'])
        expect(key).not.toHaveProperty(secret);
      expect(key.use).toBe('sig');
    }
  });
});
