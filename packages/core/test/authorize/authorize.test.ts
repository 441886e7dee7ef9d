import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthorizationError } from '../../src/errors.js';
import type { Provider } from '../../src/provider.js';
import { subjectFor } from '../../src/subjects/subject-identifier.js';
import {
  createTestProvider,
  ISSUER,
  NOW,
  putClient,
  TENANT,
  type TestProvider,
  USER1,
} from '../support/harness.js';
import { assertIdTokenBaseClaims, buildRequest } from './fixtures.js';

function leftHalf(value: string, hash: 'sha256' | 'sha512' = 'sha256'): string {
  const digest = createHash(hash).update(value, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

async function rejection(promise: Promise<unknown>): Promise<AuthorizationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthorizationError);
  return error as AuthorizationError;
}

describe('pyOP TestProviderAuthorize (OIDC Core 3.1.2.5)', () => {
  let t: TestProvider;
  let provider: Provider;
  beforeEach(async () => {
    t = await createTestProvider();
    provider = t.provider;
  });

  it('issues a stored code and echoes state (test_authorize)', async () => {
    const response = await provider.authorize(await buildRequest(provider), 'user1');
    expect(response.params.state).toBe('state');
    const redeemed = await provider.context.state.redeemAuthorizationCode(response.params.code!);
    expect(redeemed.grant.userId).toBe('user1');
    expect(redeemed.code.redirectUri).toBe('https://client.example.com/cb');
  });

  it('uses a custom sub from the user record (test_authorize_with_custom_sub)', async () => {
    t.adapter.putUser(TENANT, { ...USER1, claims: { ...USER1.claims, sub: 'test_sub1' } });
    const response = await provider.authorize(await buildRequest(provider), 'user1');
    const redeemed = await provider.context.state.redeemAuthorizationCode(response.params.code!);
    expect(redeemed.grant.sub).toBe('test_sub1');
  });

  for (const [kind, extra] of [
    ['dict', { foo: 'bar' }],
    [
      'callable',
      (userId: string, clientId: string) => ({ foo: 'bar', who: `${userId}@${clientId}` }),
    ],
  ] as const) {
    it(`adds extra ID token claims given as a ${kind}`, async () => {
      const request = await buildRequest(provider, { responseType: 'id_token' });
      const response = await provider.authorize(request, 'user1', extra);
      const payload = await assertIdTokenBaseClaims(provider, response.params.id_token!);
      expect(payload.foo).toBe('bar');
      if (kind === 'callable') expect(payload.who).toBe('user1@client1');
    });
  }

  it('puts scope claims in the ID token when no access token is issued (response_type id_token)', async () => {
    const request = await buildRequest(provider, {
      responseType: 'id_token',
      scope: ['openid', 'profile'],
      claims: { id_token: { email: { essential: true } } },
    });
    const response = await provider.authorize(request, 'user1');
    const payload = await assertIdTokenBaseClaims(provider, response.params.id_token!);
    for (const name of ['name', 'family_name', 'given_name', 'middle_name', 'nickname', 'email']) {
      expect(payload[name]).toBe(USER1.claims[name]);
    }
  });

  it('puts requested id_token claims in the ID token even when an access token is issued', async () => {
    const request = await buildRequest(provider, {
      responseType: 'id_token token',
      scope: ['openid', 'profile'],
      claims: { id_token: { email: null } },
    });
    const response = await provider.authorize(request, 'user1');
    const payload = await assertIdTokenBaseClaims(provider, response.params.id_token!);
    expect(payload.email).toBe('testster@example.com');
    // The profile claims are for userinfo when an access token exists.
    expect(payload.name).toBeUndefined();
  });

  it('answers the hybrid flow with c_hash and at_hash of the issued code and token', async () => {
    const request = await buildRequest(provider, { responseType: 'code id_token token' });
    const response = await provider.authorize(request, 'user1', { foo: 'bar' });
    const { code, access_token, id_token } = response.params;
    expect(response.params.state).toBe('state');
    expect(response.params.token_type).toBe('Bearer');
    expect(response.params.expires_in).toBe(
      String(provider.context.settings.lifetimes.accessToken),
    );
    const token = await provider.context.state.introspectAccessToken(access_token!);
    expect(token.active).toBe(true);
    const payload = await assertIdTokenBaseClaims(provider, id_token!);
    expect(payload.c_hash).toBe(leftHalf(code!));
    expect(payload.at_hash).toBe(leftHalf(access_token!));
    expect(payload.foo).toBe('bar');
    await expect(provider.context.state.redeemAuthorizationCode(code!)).resolves.toBeDefined();
  });

  for (const location of ['id_token', 'userinfo'] as const) {
    it(`refuses a claims-requested ${location} sub that is not the user's, redirecting access_denied`, async () => {
      const request = await buildRequest(provider, {
        claims: { [location]: { sub: { value: 'nomatch' } } },
      });
      const error = await rejection(provider.authorize(request, 'user1'));
      expect(error.error).toBe('access_denied');
      const url = new URL(error.toErrorUrl()!);
      expect(url.searchParams.get('state')).toBe('state');
      expect(url.searchParams.get('iss')).toBe(ISSUER);
    });
  }

  it('refuses two different requested subs', async () => {
    const request = await buildRequest(provider, {
      claims: {
        userinfo: { sub: { value: 'nomatch1' } },
        id_token: { sub: { value: 'nomatch2' } },
      },
    });
    const error = await rejection(provider.authorize(request, 'user1'));
    expect(error.error).toBe('invalid_request');
    expect(error.target?.redirectUri).toBe('https://client.example.com/cb');
  });

  it('refuses an unknown or disabled user with access_denied', async () => {
    const request = await buildRequest(provider);
    expect((await rejection(provider.authorize(request, 'nobody'))).error).toBe('access_denied');
    t.adapter.putUser(TENANT, { ...USER1, disabled: true });
    expect((await rejection(provider.authorize(request, 'user1'))).error).toBe('access_denied');
  });
});

describe('Corrected pyOP defects in authorize (pyOP spec 12)', () => {
  let t: TestProvider;
  beforeEach(async () => {
    t = await createTestProvider();
  });

  it('defect 2: a claims-requested sub with the real value or only essential passes', async () => {
    const { provider } = t;
    const client = (await t.stores.clients.get('client1'))!;
    const sub = subjectFor(
      provider.context,
      { id: 'user1', claims: USER1.claims },
      client.metadata,
    );
    for (const entry of [{ value: sub }, { essential: true }, null]) {
      const request = await buildRequest(provider, {
        responseType: 'id_token',
        claims: { id_token: { sub: entry }, userinfo: { sub: entry } },
      });
      const response = await provider.authorize(request, 'user1');
      expect(decodeJwt(response.params.id_token!).sub).toBe(sub);
    }
  });

  it('defect 3: a custom sub claim with response_type id_token gives that sub, no crash', async () => {
    t.adapter.putUser(TENANT, { ...USER1, claims: { ...USER1.claims, sub: 'test_sub1' } });
    const request = await buildRequest(t.provider, { responseType: 'id_token' });
    const response = await t.provider.authorize(request, 'user1', { iss: 'evil', sub: 'evil' });
    const payload = decodeJwt(response.params.id_token!);
    expect(payload.sub).toBe('test_sub1');
    expect(payload.iss).toBe(ISSUER);
  });

  it('defect 4: a pairwise sub survives a later public sub for another client', async () => {
    const { provider } = t;
    await putClient(t.stores, 'public1', {
      subject_type: 'public',
      redirect_uris: ['https://public.example.org/cb'],
    });
    const first = await provider.authorize(
      await buildRequest(provider, { responseType: 'id_token' }),
      'user1',
    );
    const second = await provider.authorize(
      await buildRequest(provider, { responseType: 'id_token' }, 'public1'),
      'user1',
    );
    const pairwise = decodeJwt(first.params.id_token!).sub!;
    const publicSub = decodeJwt(second.params.id_token!).sub!;
    expect(pairwise).not.toBe(publicSub);
    expect(await t.stores.subjects.findUserId(pairwise)).toBe('user1');
    expect(await t.stores.subjects.findUserId(publicSub)).toBe('user1');
  });

  it('gives one user different pairwise subs in different sectors, all remembered', async () => {
    const { provider } = t;
    await putClient(t.stores, 'client2', { redirect_uris: ['https://other.example.net/cb'] });
    const subs = [];
    for (const clientId of ['client1', 'client2']) {
      const request = await buildRequest(provider, { responseType: 'id_token' }, clientId);
      subs.push(decodeJwt((await provider.authorize(request, 'user1')).params.id_token!).sub!);
    }
    expect(new Set(subs).size).toBe(2);
    for (const sub of subs) expect(await t.stores.subjects.findUserId(sub)).toBe('user1');
  });
});

describe('Authorization response parameters (RFC 9207, RFC 6749 4.2.2)', () => {
  let t: TestProvider;
  beforeEach(async () => {
    t = await createTestProvider();
  });

  it('always returns iss, and state only when it was sent', async () => {
    const response = await t.provider.authorize(
      await buildRequest(t.provider, { state: undefined }),
      'user1',
    );
    expect(response.params.iss).toBe(ISSUER);
    expect('state' in response.params).toBe(false);
  });

  it('orders the parameters code, access_token, token_type, expires_in, id_token, state, iss', async () => {
    const request = await buildRequest(t.provider, { responseType: 'code id_token token' });
    const response = await t.provider.authorize(request, 'user1');
    expect(Object.keys(response.params)).toEqual([
      'code',
      'access_token',
      'token_type',
      'expires_in',
      'id_token',
      'state',
      'iss',
    ]);
  });

  it('returns scope with an access token only when the granted scope differs from the request', async () => {
    const narrowed = await buildRequest(t.provider, {
      responseType: 'id_token token',
      scope: ['openid'],
      params: { scope: 'openid profile' },
    });
    expect((await t.provider.authorize(narrowed, 'user1')).params.scope).toBe('openid');
    const full = await buildRequest(t.provider, { responseType: 'id_token token' });
    expect('scope' in (await t.provider.authorize(full, 'user1')).params).toBe(false);
  });

  it('carries auth_time, acr, amr and sid from the authentication into the ID token', async () => {
    const request = await buildRequest(t.provider, { responseType: 'id_token' });
    const response = await t.provider.authorize(request, 'user1', undefined, {
      authTime: NOW - 100,
      acr: 'urn:acr:pwd',
      amr: ['pwd'],
      sid: 'session-1',
    });
    const payload = decodeJwt(response.params.id_token!);
    expect(payload).toMatchObject({
      auth_time: NOW - 100,
      acr: 'urn:acr:pwd',
      amr: ['pwd'],
      sid: 'session-1',
    });
  });

  it('stores the grant with the authentication, nonce and requested claims', async () => {
    const claims = { userinfo: { email: null } };
    const request = await buildRequest(t.provider, { claims });
    const response = await t.provider.authorize(request, 'user1', undefined, { sid: 's1' });
    const { grant } = await t.provider.context.state.redeemAuthorizationCode(response.params.code!);
    expect(grant).toMatchObject({
      clientId: 'client1',
      scope: 'openid',
      nonce: 'nonce',
      sid: 's1',
      claims,
    });
  });

  it('fails with server_error, redirected, when the client alg has no active key', async () => {
    await putClient(t.stores, 'es-client', { id_token_signed_response_alg: 'ES256' });
    const request = await buildRequest(t.provider, { responseType: 'id_token' }, 'es-client');
    const error = await rejection(t.provider.authorize(request, 'user1'));
    expect(error.error).toBe('server_error');
    expect(error.status).toBe(500);
    expect(new URL(error.toErrorUrl()!).hash).toContain('error=server_error');
  });
});
