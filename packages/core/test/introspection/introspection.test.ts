/** Token introspection (RFC 7662) at /token/introspection. */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  basicAuth,
  createTestProvider,
  NOW,
  postForm,
  putClient,
  type TestProvider,
} from '../support/harness.js';
import { CLIENT1_AUTH, exchangeCode, expectError, issueCode, json } from '../support/tokens.js';

const RS_AUTH = { authorization: basicAuth('resource-server', 'rs-secret') };

function introspect(
  t: TestProvider,
  params: Record<string, string>,
  headers: Record<string, string> = RS_AUTH,
) {
  return postForm(t.provider, '/token/introspection', params, headers);
}

describe('Token introspection RFC 7662', () => {
  let t: TestProvider;
  let tokens: Record<string, unknown>;
  let sub: string | undefined;
  beforeEach(async () => {
    t = await createTestProvider({ settings: { lifetimes: { refreshToken: 7200 } } });
    await putClient(t.stores, 'resource-server', { grant_types: [] }, 'rs-secret');
    const { code, grant } = await issueCode(t.provider, { scope: 'openid profile' });
    sub = grant.sub;
    tokens = await json(await exchangeCode(t.provider, code));
  });

  it('describes an active access token to any confidential client of the tenant', async () => {
    const response = await introspect(t, { token: String(tokens.access_token) });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await json(response)).toEqual({
      active: true,
      scope: 'openid profile',
      client_id: 'client1',
      sub,
      exp: NOW + 3600,
      iat: NOW,
      iss: t.provider.issuer,
      token_type: 'Bearer',
      aud: 'client1',
    });
  });

  it('describes a refresh token to the client it was issued to', async () => {
    const response = await introspect(
      t,
      { token: String(tokens.refresh_token), token_type_hint: 'refresh_token' },
      CLIENT1_AUTH,
    );
    expect(await json(response)).toMatchObject({
      active: true,
      token_type: 'refresh_token',
      client_id: 'client1',
      sub,
      exp: NOW + 7200,
    });
  });

  it("answers only active:false for another client's refresh token", async () => {
    expect(await json(await introspect(t, { token: String(tokens.refresh_token) }))).toEqual({
      active: false,
    });
  });

  it('finds the token whatever the hint says, and ignores unknown hints', async () => {
    for (const hint of ['refresh_token', 'something_else']) {
      const body = await json(
        await introspect(t, { token: String(tokens.access_token), token_type_hint: hint }),
      );
      expect(body.active).toBe(true);
    }
  });

  it('answers only active:false for unknown, expired and revoked tokens', async () => {
    expect(await json(await introspect(t, { token: 'unknown' }))).toEqual({ active: false });
    t.clock.advance(3601);
    expect(await json(await introspect(t, { token: String(tokens.access_token) }))).toEqual({
      active: false,
    });
    t.clock.advance(-3601);
    await postForm(
      t.provider,
      '/token/revocation',
      { token: String(tokens.refresh_token) },
      CLIENT1_AUTH,
    );
    expect(await json(await introspect(t, { token: String(tokens.access_token) }))).toEqual({
      active: false,
    });
  });

  it('answers active:false for a rotated refresh token', async () => {
    await postForm(
      t.provider,
      '/token',
      { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) },
      CLIENT1_AUTH,
    );
    const body = await json(
      await introspect(t, { token: String(tokens.refresh_token) }, CLIENT1_AUTH),
    );
    expect(body).toEqual({ active: false });
  });

  it('requires client authentication (401 invalid_client)', async () => {
    await expectError(
      await introspect(t, { token: String(tokens.access_token) }, {}),
      401,
      'invalid_client',
    );
    const wrong = await introspect(
      t,
      { token: 'x' },
      { authorization: basicAuth('resource-server', 'nope') },
    );
    await expectError(wrong, 401, 'invalid_client');
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic /);
  });

  it('refuses public clients with 401 invalid_client', async () => {
    await putClient(t.stores, 'spa', { token_endpoint_auth_method: 'none' });
    const response = await introspect(
      t,
      { token: String(tokens.access_token), client_id: 'spa' },
      {},
    );
    await expectError(response, 401, 'invalid_client');
  });

  it('requires the token parameter (invalid_request)', async () => {
    await expectError(await introspect(t, {}), 400, 'invalid_request');
  });

  it('answers GET with 405', async () => {
    const response = await t.provider.handle(
      new Request(`${t.provider.issuer}/token/introspection`),
    );
    expect(response.status).toBe(405);
  });
});
