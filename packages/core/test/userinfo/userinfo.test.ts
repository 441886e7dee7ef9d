import { describe, expect, it } from 'vitest';
import { BearerTokenError, InvalidAccessToken } from '../../src/errors.js';
import type { ClaimsRequest } from '../../src/types.js';
import {
  createTestProvider,
  get,
  ISSUER,
  postForm,
  type TestProvider,
  USER1,
} from '../support/harness.js';

const PAIRWISE_SUB = 'f0f49e5b3ca9ff385451397f73483472db16ec4441f34cf00ae29028460cb206';

async function accessToken(
  test: TestProvider,
  options: {
    scope?: string;
    claims?: ClaimsRequest['userinfo'];
    sub?: string;
    userId?: string;
  } = {},
): Promise<string> {
  const state = test.provider.context.state;
  const scope = options.scope ?? 'openid profile';
  const userId = options.userId ?? 'user1';
  const sub =
    options.sub ?? (await state.getSubjectIdentifier('pairwise', userId, 'client1.example.com'));
  const grant = await state.createGrant({ clientId: 'client1', userId, sub, scope });
  const issued = await state.createAccessToken({
    clientId: 'client1',
    grantId: grant.id,
    userId,
    sub,
    scope,
    ...(options.claims && { claims: options.claims }),
  });
  return issued.value;
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

describe('UserInfo endpoint OIDC Core 5.3 (pyOP TestProviderHandleUserinfoRequest)', () => {
  it('returns the claims of the scope and of the claims request for a body token', async () => {
    const test = await createTestProvider();
    const token = await accessToken(test, { claims: { email: null } });
    const response = await test.provider.handleUserinfoRequest(
      new URLSearchParams({ access_token: token }),
    );
    const { sub, ...claims } = response;
    const { email_verified: _notRequested, ...expected } = USER1.claims;
    expect(claims).toEqual(expected);
    expect(await test.provider.context.state.getUserIdForSubjectIdentifier(sub as string)).toBe(
      'user1',
    );
    expect(sub).toBe(PAIRWISE_SUB);
  });

  it('returns a custom sub from the user record as it is', async () => {
    const test = await createTestProvider();
    test.adapter.putUser('tenant-a', { ...USER1, claims: { ...USER1.claims, sub: 'test_sub1' } });
    const token = await accessToken(test, { sub: 'test_sub1' });
    const response = await test.provider.handleUserinfoRequest(`access_token=${token}`);
    expect(response.sub).toBe('test_sub1');
  });

  it('rejects a request without an access token', async () => {
    const test = await createTestProvider();
    await expect(test.provider.handleUserinfoRequest()).rejects.toBeInstanceOf(BearerTokenError);
  });

  it('rejects an expired access token', async () => {
    const test = await createTestProvider();
    const token = await accessToken(test);
    test.clock.advance(3601);
    await expect(
      test.provider.handleUserinfoRequest(`access_token=${token}`),
    ).rejects.toBeInstanceOf(InvalidAccessToken);
  });
});

describe('UserInfo endpoint over HTTP (RFC 6750)', () => {
  it('answers GET with a Bearer header: 200 JSON, no-store, any origin', async () => {
    const test = await createTestProvider();
    const token = await accessToken(test, { scope: 'openid email' });
    const response = await get(test.provider, '/userinfo', bearer(token));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({
      sub: PAIRWISE_SUB,
      email: 'testster@example.com',
      email_verified: true,
    });
  });

  it('accepts the token in the query of a GET and in the body of a POST', async () => {
    const test = await createTestProvider();
    const token = await accessToken(test);
    expect((await get(test.provider, `/userinfo?access_token=${token}`)).status).toBe(200);
    expect((await postForm(test.provider, '/userinfo', { access_token: token })).status).toBe(200);
  });

  it('uses the header token when a body token is sent too', async () => {
    const test = await createTestProvider();
    const token = await accessToken(test);
    const response = await postForm(
      test.provider,
      '/userinfo',
      { access_token: 'unknown-token' },
      bearer(token),
    );
    expect(response.status).toBe(200);
  });

  it('answers no token with 401 and a bare challenge without error code', async () => {
    const test = await createTestProvider();
    const response = await get(test.provider, '/userinfo');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="userinfo"');
  });

  it('answers a non-Bearer Authorization header with 401 and a bare challenge', async () => {
    const test = await createTestProvider();
    const response = await get(test.provider, '/userinfo', { authorization: 'Basic YTpi' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="userinfo"');
  });

  it('answers an unknown token with 401 invalid_token', async () => {
    const test = await createTestProvider();
    const response = await get(test.provider, '/userinfo', bearer('unknown'));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(((await response.json()) as { error: string }).error).toBe('invalid_token');
  });

  it('answers an expired token with 401 invalid_token', async () => {
    const test = await createTestProvider();
    const token = await accessToken(test);
    test.clock.advance(3601);
    const response = await get(test.provider, '/userinfo', bearer(token));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('answers a token at its last valid second with 200', async () => {
    const test = await createTestProvider();
    const token = await accessToken(test);
    test.clock.advance(3600);
    expect((await get(test.provider, '/userinfo', bearer(token))).status).toBe(200);
  });

  it('answers a revoked token with 401 invalid_token', async () => {
    const test = await createTestProvider();
    const token = await accessToken(test);
    const found = await test.provider.context.state.introspectAccessToken(token);
    await test.stores.grants.revoke(found.grantId!);
    const response = await get(test.provider, '/userinfo', bearer(token));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('answers a token without the openid scope with 403 insufficient_scope', async () => {
    const test = await createTestProvider();
    const token = await accessToken(test, { scope: 'profile' });
    const response = await get(test.provider, '/userinfo', bearer(token));
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });

  it('answers a client_credentials token (no user, no openid) with 403 insufficient_scope', async () => {
    const test = await createTestProvider();
    const issued = await test.provider.context.state.createAccessToken({
      clientId: 'client1',
      scope: 'api',
    });
    const response = await get(test.provider, '/userinfo', bearer(issued.value));
    expect(response.status).toBe(403);
  });

  it('answers 401 invalid_token when the user was disabled or removed', async () => {
    const test = await createTestProvider();
    const token = await accessToken(test);
    test.adapter.putUser('tenant-a', { ...USER1, disabled: true });
    const disabled = await get(test.provider, '/userinfo', bearer(token));
    expect(disabled.status).toBe(401);
    expect(disabled.headers.get('www-authenticate')).toContain('error="invalid_token"');
    const ghost = await accessToken(test, { userId: 'ghost', sub: 'ghost-sub' });
    expect((await get(test.provider, '/userinfo', bearer(ghost))).status).toBe(401);
  });

  it('answers a malformed token with 400 invalid_request', async () => {
    const test = await createTestProvider();
    const response = await get(test.provider, '/userinfo', { authorization: 'Bearer a b' });
    expect(response.status).toBe(400);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_request"');
  });

  it('answers a POST form with a repeated access_token with 400 invalid_request', async () => {
    const test = await createTestProvider();
    const response = await test.provider.handle(
      new Request(`${ISSUER}/userinfo`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'access_token=a&access_token=b',
      }),
    );
    expect(response.status).toBe(400);
  });

  it('answers 405 to PUT', async () => {
    const test = await createTestProvider();
    const response = await test.provider.handle(
      new Request(`${ISSUER}/userinfo`, { method: 'PUT' }),
    );
    expect(response.status).toBe(405);
  });
});

describe('UserInfo claims (OIDC Core 5.4, 5.5)', () => {
  it('adds claims of extra scopes, which may override the standard ones', async () => {
    const test = await createTestProvider({
      settings: { extraScopes: { nick: ['nickname'], email: ['email'] } },
    });
    const token = await accessToken(test, { scope: 'openid nick email' });
    const body = await (await get(test.provider, '/userinfo', bearer(token))).json();
    expect(body).toEqual({
      sub: PAIRWISE_SUB,
      nickname: 'testster',
      email: 'testster@example.com',
    });
  });

  it('returns only sub for the openid scope alone', async () => {
    const test = await createTestProvider();
    const token = await accessToken(test, { scope: 'openid' });
    expect(await (await get(test.provider, '/userinfo', bearer(token))).json()).toEqual({
      sub: PAIRWISE_SUB,
    });
  });

  it('leaves out a requested claim whose value does not match the requested value', async () => {
    const test = await createTestProvider();
    const token = await accessToken(test, {
      scope: 'openid',
      claims: { email: { value: 'other@example.com' }, nickname: { essential: true } },
    });
    expect(await (await get(test.provider, '/userinfo', bearer(token))).json()).toEqual({
      sub: PAIRWISE_SUB,
      nickname: 'testster',
    });
  });

  it('never lets a user claim named sub replace the token subject', async () => {
    const test = await createTestProvider();
    const token = await accessToken(test, { scope: 'openid', claims: { sub: null } });
    expect(await (await get(test.provider, '/userinfo', bearer(token))).json()).toEqual({
      sub: PAIRWISE_SUB,
    });
  });
});
