import { beforeEach, describe, expect, it } from 'vitest';
import {
  CookieJar,
  completeStep,
  interactionStep,
  requestAuthorization,
  signIn,
} from '../support/flow.js';
import { createTestProvider, ISSUER, NOW, type TestProvider } from '../support/harness.js';
import { CODE_REQUEST, HYBRID_REQUEST, idTokenClaims, sessionOf } from './helpers.js';

describe('Authorization endpoint interactions (OIDC Core 3.1.2.3, 3.1.2.4)', () => {
  let t: TestProvider;
  beforeEach(async () => {
    t = await createTestProvider();
  });

  it('sends a new browser to the login page with a bound, HttpOnly interaction cookie', async () => {
    const jar = new CookieJar();
    const response = await requestAuthorization(t.provider, CODE_REQUEST, jar);
    expect(response.status).toBe(303);
    const step = interactionStep(response)!;
    expect(step.prompt).toBe('login');
    const cookie = response.headers
      .getSetCookie()
      .find((c) => c.startsWith('tessera.interaction='))!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('Path=/acme');
    expect(cookie).toContain(`Max-Age=${t.provider.context.settings.lifetimes.interaction}`);
    const record = await t.stores.interactions.get(step.id);
    expect(record).toMatchObject({ clientId: 'client1', prompt: 'login' });
    expect(record!.bindingHash).not.toBe(jar.get('tessera.interaction'));
  });

  it('walks login then consent and returns the code with state and iss', async () => {
    const result = await signIn(t.provider, CODE_REQUEST);
    expect(result.prompts).toEqual(['login', 'consent']);
    expect(result.location.origin + result.location.pathname).toBe('https://client.example.com/cb');
    expect(result.params.get('state')).toBe('state');
    expect(result.params.get('iss')).toBe(ISSUER);
    const { grant } = await t.provider.context.state.redeemAuthorizationCode(
      result.params.get('code')!,
    );
    expect(grant.userId).toBe('user1');
    expect(result.jar.get('tessera.interaction')).toBeUndefined();
    const session = await sessionOf(t.stores, result.jar);
    expect(session).toMatchObject({ userId: 'user1', authTime: NOW, clientIds: ['client1'] });
  });

  it('accepts login and consent in one completion', async () => {
    const jar = new CookieJar();
    const step = interactionStep(await requestAuthorization(t.provider, CODE_REQUEST, jar))!;
    const response = await completeStep(t.provider, step, jar, {
      login: { userId: 'user1' },
      consent: {},
    });
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get('location')!).searchParams.get('code')).toBeTruthy();
  });

  it('puts the session id as sid and the login time as auth_time in the ID token', async () => {
    const { params, jar } = await signIn(t.provider, HYBRID_REQUEST, {
      acr: 'urn:acr:mfa',
      amr: ['pwd', 'otp'],
    });
    const claims = idTokenClaims(params);
    const session = await sessionOf(t.stores, jar);
    expect(claims.sid).toBe(session!.id);
    expect(claims.auth_time).toBe(NOW);
    expect(claims.acr).toBe('urn:acr:mfa');
    expect(claims.amr).toEqual(['pwd', 'otp']);
    expect(claims.nonce).toBe('nonce');
  });

  it('answers at once, without any page, for a signed-in browser with remembered consent', async () => {
    const first = await signIn(t.provider, HYBRID_REQUEST);
    const second = await signIn(
      t.provider,
      { ...HYBRID_REQUEST, state: 's2' },
      {
        existingJar: first.jar,
      },
    );
    expect(second.prompts).toEqual([]);
    expect(second.params.get('state')).toBe('s2');
    expect(idTokenClaims(second.params).sid).toBe(idTokenClaims(first.params).sid);
  });

  it('asks consent again for a scope not consented before, and only for it', async () => {
    const first = await signIn(t.provider, CODE_REQUEST);
    const wider = { ...CODE_REQUEST, scope: 'openid email' };
    const second = await signIn(t.provider, wider, { existingJar: first.jar });
    expect(second.prompts).toEqual(['consent']);
    const third = await signIn(t.provider, wider, { existingJar: first.jar });
    expect(third.prompts).toEqual([]);
    expect((await t.stores.consents.get('user1', 'client1'))!.scopes.sort()).toEqual([
      'email',
      'openid',
    ]);
  });

  it('asks consent again for claims requested by the claims parameter', async () => {
    const first = await signIn(t.provider, CODE_REQUEST);
    const withClaims = { ...CODE_REQUEST, claims: JSON.stringify({ userinfo: { email: null } }) };
    const second = await signIn(t.provider, withClaims, { existingJar: first.jar });
    expect(second.prompts).toEqual(['consent']);
  });

  it('always asks consent for offline_access (OIDC Core 11)', async () => {
    const offline = { ...CODE_REQUEST, scope: 'openid offline_access', prompt: 'consent' };
    const first = await signIn(t.provider, offline);
    expect(first.prompts).toEqual(['login', 'consent']);
    const second = await signIn(
      t.provider,
      { ...CODE_REQUEST, scope: 'openid offline_access' },
      {
        existingJar: first.jar,
      },
    );
    expect(second.prompts).toEqual(['consent']);
    const { grant } = await t.provider.context.state.redeemAuthorizationCode(
      second.params.get('code')!,
    );
    expect(grant.scope).toBe('openid offline_access');
  });

  it('grants only the consented scopes, keeps openid, and tells the client (RFC 6749 4.2.2)', async () => {
    const request = {
      ...CODE_REQUEST,
      response_type: 'code id_token token',
      scope: 'openid profile email',
    };
    const { params } = await signIn(t.provider, request, { consent: ['email', 'unrequested'] });
    expect(params.get('scope')).toBe('openid email');
    const token = await t.provider.context.state.introspectAccessToken(params.get('access_token')!);
    expect(token.scope).toBe('openid email');
    expect((await t.stores.consents.get('user1', 'client1'))!.scopes).toEqual(['openid', 'email']);
  });

  it('redirects access_denied with state and iss when the user refuses consent', async () => {
    const { params, jar } = await signIn(t.provider, CODE_REQUEST, { consent: false });
    expect(params.get('error')).toBe('access_denied');
    expect(params.get('state')).toBe('state');
    expect(params.get('iss')).toBe(ISSUER);
    expect(params.get('code')).toBeNull();
    expect(jar.get('tessera.interaction')).toBeUndefined();
  });

  it('redirects the error chosen by the host at the login page', async () => {
    const jar = new CookieJar();
    const step = interactionStep(await requestAuthorization(t.provider, HYBRID_REQUEST, jar))!;
    const response = await completeStep(t.provider, step, jar, { error: 'login_required' });
    const location = new URL(response.headers.get('location')!);
    const params = new URLSearchParams(location.hash.slice(1));
    expect(params.get('error')).toBe('login_required');
    expect(params.get('state')).toBe('state');
    expect(params.get('iss')).toBe(ISSUER);
  });

  it('delivers the final response by form_post when asked', async () => {
    const { params, response, location } = await signIn(t.provider, {
      ...HYBRID_REQUEST,
      response_mode: 'form_post',
    });
    expect(response.status).toBe(200);
    expect(location.href).toBe('https://client.example.com/cb');
    expect(params.get('code')).toBeTruthy();
    expect(params.get('id_token')).toBeTruthy();
    expect(params.get('iss')).toBe(ISSUER);
  });

  it('accepts the authorization request by POST too (OIDC Core 3.1.2.1)', async () => {
    const response = await t.provider.handle(
      new Request(`${ISSUER}/authorize`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(CODE_REQUEST).toString(),
      }),
    );
    expect(interactionStep(response)?.prompt).toBe('login');
  });

  it('shows an error page, never a redirect, for an unknown client', async () => {
    const response = await requestAuthorization(
      t.provider,
      { ...CODE_REQUEST, client_id: 'unknown' },
      new CookieJar(),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('redirects server_error, not a 500 page, when storage fails after validation', async () => {
    t.stores.interactions.create = () => Promise.reject(new Error('database down'));
    const response = await requestAuthorization(t.provider, CODE_REQUEST, new CookieJar());
    expect(response.status).toBe(303);
    const params = new URL(response.headers.get('location')!).searchParams;
    expect(params.get('error')).toBe('server_error');
    expect(params.get('state')).toBe('state');
    expect(params.get('iss')).toBe(ISSUER);
  });
});
