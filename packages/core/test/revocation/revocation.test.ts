/** Token revocation (RFC 7009) at /token/revocation. */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  basicAuth,
  createTestProvider,
  postForm,
  putClient,
  type TestProvider,
} from '../support/harness.js';
import {
  CLIENT1_AUTH,
  exchangeCode,
  expectError,
  issueCode,
  json,
  PKCE_CHALLENGE,
  PKCE_VERIFIER,
  postToken,
} from '../support/tokens.js';

function revoke(
  t: TestProvider,
  params: Record<string, string>,
  headers: Record<string, string> = CLIENT1_AUTH,
) {
  return postForm(t.provider, '/token/revocation', params, headers);
}

async function isActive(t: TestProvider, token: unknown): Promise<boolean> {
  const response = await postForm(
    t.provider,
    '/token/introspection',
    { token: String(token) },
    CLIENT1_AUTH,
  );
  return (await json(response)).active === true;
}

describe('Token revocation RFC 7009', () => {
  let t: TestProvider;
  let tokens: Record<string, unknown>;
  beforeEach(async () => {
    t = await createTestProvider({ settings: { lifetimes: { refreshToken: 3600 } } });
    const { code } = await issueCode(t.provider);
    tokens = await json(await exchangeCode(t.provider, code));
  });

  it('revokes an access token of the client, answering 200 with CORS and no-store', async () => {
    const response = await revoke(t, { token: String(tokens.access_token) });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await isActive(t, tokens.access_token)).toBe(false);
    // Revoking an access token alone leaves the refresh token usable.
    const refreshed = await postToken(t.provider, {
      grant_type: 'refresh_token',
      refresh_token: String(tokens.refresh_token),
    });
    expect(refreshed.status).toBe(200);
  });

  it('revokes the whole grant with a refresh token (2.1)', async () => {
    const response = await revoke(t, {
      token: String(tokens.refresh_token),
      token_type_hint: 'refresh_token',
    });
    expect(response.status).toBe(200);
    expect(await isActive(t, tokens.access_token)).toBe(false);
    const refreshed = await postToken(t.provider, {
      grant_type: 'refresh_token',
      refresh_token: String(tokens.refresh_token),
    });
    await expectError(refreshed, 400, 'invalid_grant');
  });

  it('ignores unsupported hint values', async () => {
    const response = await revoke(t, {
      token: String(tokens.access_token),
      token_type_hint: 'id_token',
    });
    expect(response.status).toBe(200);
    expect(await isActive(t, tokens.access_token)).toBe(false);
  });

  it('answers 200 for an unknown token (2.2)', async () => {
    expect((await revoke(t, { token: 'unknown' })).status).toBe(200);
  });

  it("answers 200 without revoking another client's token", async () => {
    await putClient(t.stores, 'client2', {}, 'secret2');
    const auth = { authorization: basicAuth('client2', 'secret2') };
    expect((await revoke(t, { token: String(tokens.access_token) }, auth)).status).toBe(200);
    expect((await revoke(t, { token: String(tokens.refresh_token) }, auth)).status).toBe(200);
    expect(await isActive(t, tokens.access_token)).toBe(true);
  });

  it('lets a public client revoke its tokens with client_id only', async () => {
    await putClient(t.stores, 'spa', { token_endpoint_auth_method: 'none' });
    const { code } = await issueCode(t.provider, {
      clientId: 'spa',
      codeChallenge: PKCE_CHALLENGE,
      codeChallengeMethod: 'S256',
    });
    const spaTokens = await json(
      await exchangeCode(t.provider, code, { client_id: 'spa', code_verifier: PKCE_VERIFIER }, {}),
    );
    const response = await revoke(
      t,
      { token: String(spaTokens.refresh_token), client_id: 'spa' },
      {},
    );
    expect(response.status).toBe(200);
    expect(await isActive(t, spaTokens.access_token)).toBe(false);
  });

  it('requires client authentication (401 invalid_client with a challenge after Basic)', async () => {
    const response = await revoke(
      t,
      { token: String(tokens.access_token) },
      { authorization: basicAuth('client1', 'x') },
    );
    await expectError(response, 401, 'invalid_client');
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await isActive(t, tokens.access_token)).toBe(true);
  });

  it('requires the token parameter (invalid_request)', async () => {
    await expectError(await revoke(t, {}), 400, 'invalid_request');
  });
});
