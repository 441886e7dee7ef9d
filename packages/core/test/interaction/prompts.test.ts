import { beforeEach, describe, expect, it } from 'vitest';
import { CookieJar, redirectParams, requestAuthorization, signIn } from '../support/flow.js';
import {
  createTestProvider,
  ISSUER,
  NOW,
  TENANT,
  type TestProvider,
  USER1,
} from '../support/harness.js';
import { CODE_REQUEST, HYBRID_REQUEST, idTokenClaims, sessionOf } from './helpers.js';

async function silentParams(t: TestProvider, params: Record<string, string>, jar: CookieJar) {
  const response = await requestAuthorization(t.provider, { ...params, prompt: 'none' }, jar);
  expect(response.status).toBe(303);
  return redirectParams(new URL(response.headers.get('location')!));
}

describe('prompt, max_age and id_token_hint (OIDC Core 3.1.2.1, 3.1.2.6)', () => {
  let t: TestProvider;
  beforeEach(async () => {
    t = await createTestProvider();
  });

  it('prompt=none without a session redirects login_required with state and iss', async () => {
    const params = await silentParams(t, CODE_REQUEST, new CookieJar());
    expect(params.get('error')).toBe('login_required');
    expect(params.get('state')).toBe('state');
    expect(params.get('iss')).toBe(ISSUER);
  });

  it('prompt=none with a session but without consent redirects consent_required', async () => {
    const { jar } = await signIn(t.provider, CODE_REQUEST, { consent: false });
    const params = await silentParams(t, HYBRID_REQUEST, jar);
    expect(params.get('error')).toBe('consent_required');
    expect(params.get('state')).toBe('state');
    expect(params.get('iss')).toBe(ISSUER);
  });

  it('prompt=none with a session and consent answers silently', async () => {
    const first = await signIn(t.provider, HYBRID_REQUEST);
    const params = await silentParams(t, HYBRID_REQUEST, first.jar);
    expect(params.get('error')).toBeNull();
    expect(idTokenClaims(params).sid).toBe((await sessionOf(t.stores, first.jar))!.id);
  });

  it('prompt=login forces a new login even with a session and consent, in a new session', async () => {
    const first = await signIn(t.provider, HYBRID_REQUEST);
    const oldSession = (await sessionOf(t.stores, first.jar))!;
    t.clock.advance(30);
    const second = await signIn(
      t.provider,
      { ...HYBRID_REQUEST, prompt: 'login' },
      {
        existingJar: first.jar,
      },
    );
    expect(second.prompts).toEqual(['login']);
    const claims = idTokenClaims(second.params);
    expect(claims.auth_time).toBe(NOW + 30);
    const newSession = (await sessionOf(t.stores, second.jar))!;
    // No session fixation: the login replaced the session instead of upgrading it.
    expect(newSession.id).not.toBe(oldSession.id);
    expect(claims.sid).toBe(newSession.id);
    expect(await t.stores.sessions.get(oldSession.id)).toBeUndefined();
  });

  it('max_age exceeded forces a login, and auth_time shows the new one', async () => {
    const first = await signIn(t.provider, HYBRID_REQUEST);
    t.clock.advance(120);
    const within = await signIn(
      t.provider,
      { ...HYBRID_REQUEST, max_age: '300' },
      {
        existingJar: first.jar,
      },
    );
    expect(within.prompts).toEqual([]);
    expect(idTokenClaims(within.params).auth_time).toBe(NOW);
    const exceeded = await signIn(
      t.provider,
      { ...HYBRID_REQUEST, max_age: '60' },
      {
        existingJar: first.jar,
      },
    );
    expect(exceeded.prompts).toEqual(['login']);
    expect(idTokenClaims(exceeded.params).auth_time).toBe(NOW + 120);
  });

  it('max_age=0 forces a login even for a session started this very second', async () => {
    const first = await signIn(t.provider, HYBRID_REQUEST);
    const again = await signIn(
      t.provider,
      { ...HYBRID_REQUEST, max_age: '0' },
      { existingJar: first.jar },
    );
    expect(again.prompts).toEqual(['login']);
  });

  it('prompt=none with max_age exceeded redirects login_required', async () => {
    const first = await signIn(t.provider, CODE_REQUEST);
    t.clock.advance(120);
    const params = await silentParams(t, { ...CODE_REQUEST, max_age: '60' }, first.jar);
    expect(params.get('error')).toBe('login_required');
  });

  it('a session of a since-disabled user needs a new login', async () => {
    const first = await signIn(t.provider, CODE_REQUEST);
    t.adapter.putUser(TENANT, { ...USER1, disabled: true });
    const params = await silentParams(t, CODE_REQUEST, first.jar);
    expect(params.get('error')).toBe('login_required');
  });

  describe('a demanded subject (id_token_hint, claims sub)', () => {
    beforeEach(() => {
      t.adapter.putUser(TENANT, { id: 'user2', claims: { name: 'Other' } });
    });

    it('forces login when the session user is not the hinted one', async () => {
      const user2 = await signIn(t.provider, HYBRID_REQUEST, { userId: 'user2' });
      const hint = user2.params.get('id_token')!;
      const user1 = await signIn(t.provider, HYBRID_REQUEST);
      const params = await silentParams(t, { ...HYBRID_REQUEST, id_token_hint: hint }, user1.jar);
      expect(params.get('error')).toBe('login_required');
      const again = await signIn(
        t.provider,
        { ...HYBRID_REQUEST, id_token_hint: hint },
        {
          existingJar: user1.jar,
          userId: 'user2',
        },
      );
      expect(again.prompts).toEqual(['login']);
      expect(idTokenClaims(again.params).sub).toBe(idTokenClaims(user2.params).sub);
    });

    it('redirects access_denied when another user logs in than the hinted one', async () => {
      const user2 = await signIn(t.provider, HYBRID_REQUEST, { userId: 'user2' });
      const hint = user2.params.get('id_token')!;
      const result = await signIn(t.provider, { ...HYBRID_REQUEST, id_token_hint: hint });
      expect(result.params.get('error')).toBe('access_denied');
      expect(result.params.get('state')).toBe('state');
      expect(result.params.get('iss')).toBe(ISSUER);
    });

    it('redirects access_denied when the claims parameter demands another sub', async () => {
      const claims = JSON.stringify({ id_token: { sub: { value: 'someone-else' } } });
      const result = await signIn(t.provider, { ...HYBRID_REQUEST, claims });
      expect(result.prompts).toEqual(['login']);
      expect(result.params.get('error')).toBe('access_denied');
    });
  });
});
