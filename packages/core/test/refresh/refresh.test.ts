/** The refresh token grant (RFC 6749 6, OIDC Core 12) with rotation and client binding. */
import { describe, expect, it } from 'vitest';
import {
  basicAuth,
  createTestProvider,
  NOW,
  postForm,
  putClient,
  type TestProvider,
  USER1,
} from '../support/harness.js';
import {
  CLIENT1_AUTH,
  decodeJwt,
  exchangeCode,
  expectError,
  issueCode,
  json,
  postToken,
} from '../support/tokens.js';

async function setup(settings = {}) {
  const t = await createTestProvider({
    settings: { lifetimes: { refreshToken: 3600 }, ...settings },
  });
  const { code, grant } = await issueCode(t.provider, { scope: 'openid profile' });
  const first = await json(await exchangeCode(t.provider, code));
  return { t, grant, first, refreshToken: String(first.refresh_token) };
}

function refresh(
  t: TestProvider,
  refreshToken: string,
  extra: Record<string, string> = {},
  headers = CLIENT1_AUTH,
) {
  return postToken(
    t.provider,
    { grant_type: 'refresh_token', refresh_token: refreshToken, ...extra },
    headers,
  );
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

describe('Refresh token grant (RFC 6749 6)', () => {
  it('returns a new access token and a rotated refresh token', async () => {
    const { t, refreshToken } = await setup();
    const response = await refresh(t, refreshToken);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'openid profile' });
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(body.refresh_token).not.toBe(refreshToken);
    expect((await refresh(t, String(body.refresh_token))).status).toBe(200);
  });

  it('returns a fresh ID token with the same sub and auth_time and no nonce (OIDC Core 12.2)', async () => {
    const { t, first, refreshToken } = await setup();
    t.clock.advance(100);
    const body = await json(await refresh(t, refreshToken));
    const before = decodeJwt(String(first.id_token));
    const after = decodeJwt(String(body.id_token));
    expect(after).toMatchObject({
      iss: before.iss,
      sub: before.sub,
      aud: before.aud,
      auth_time: NOW,
    });
    expect(after.iat).toBe(NOW + 100);
    expect(after.nonce).toBeUndefined();
  });

  it('returns no ID token when the tenant turned that off', async () => {
    const { t, refreshToken } = await setup({ idTokenOnRefresh: false });
    expect((await json(await refresh(t, refreshToken))).id_token).toBeUndefined();
  });

  it('narrows the scope without minimising the grant', async () => {
    const { t, refreshToken } = await setup();
    const narrow = await json(await refresh(t, refreshToken, { scope: 'profile' }));
    expect(narrow.scope).toBe('profile');
    expect(narrow.id_token).toBeUndefined();
    const full = await json(await refresh(t, String(narrow.refresh_token)));
    expect(full.scope).toBe('openid profile');
  });

  it('rejects a scope beyond the grant with invalid_scope', async () => {
    const { t, refreshToken } = await setup();
    await expectError(
      await refresh(t, refreshToken, { scope: 'openid email' }),
      400,
      'invalid_scope',
    );
  });

  it("rejects another client's refresh token with invalid_grant (pyOP defect 8)", async () => {
    const { t, refreshToken } = await setup();
    await putClient(t.stores, 'client2', {}, 'secret2');
    const response = await refresh(
      t,
      refreshToken,
      {},
      { authorization: basicAuth('client2', 'secret2') },
    );
    await expectError(response, 400, 'invalid_grant');
    expect((await refresh(t, refreshToken)).status).toBe(200);
  });

  it('revokes the whole grant when a rotated refresh token is reused', async () => {
    const { t, first, refreshToken } = await setup();
    const second = await json(await refresh(t, refreshToken));
    expect(await isActive(t, first.access_token)).toBe(true);
    await expectError(await refresh(t, refreshToken), 400, 'invalid_grant');
    expect(await isActive(t, first.access_token)).toBe(false);
    expect(await isActive(t, second.access_token)).toBe(false);
    await expectError(await refresh(t, String(second.refresh_token)), 400, 'invalid_grant');
  });

  it('rejects an expired refresh token with invalid_grant', async () => {
    const { t, refreshToken } = await setup();
    t.clock.advance(3601);
    await expectError(await refresh(t, refreshToken), 400, 'invalid_grant');
  });

  it('answers invalid_grant, not a 500, after logout revoked the grant (pyOP issues 42/43)', async () => {
    const { t, grant, refreshToken } = await setup();
    await t.provider.logoutUser(grant.sub);
    await expectError(await refresh(t, refreshToken), 400, 'invalid_grant');
  });

  it('answers invalid_grant after the grant was revoked directly', async () => {
    const { t, grant, refreshToken } = await setup();
    await t.stores.grants.revoke(grant.id);
    await expectError(await refresh(t, refreshToken), 400, 'invalid_grant');
  });

  it('revokes the grant when its user was disabled', async () => {
    const { t, first, refreshToken } = await setup();
    t.adapter.putUser('tenant-a', { ...USER1, disabled: true });
    await expectError(await refresh(t, refreshToken), 400, 'invalid_grant');
    t.adapter.putUser('tenant-a', USER1);
    expect(await isActive(t, first.access_token)).toBe(false);
  });

  it('requires the refresh_token parameter', async () => {
    const { t } = await setup();
    await expectError(
      await postToken(t.provider, { grant_type: 'refresh_token' }),
      400,
      'invalid_request',
    );
  });
});
