/**
 * The end-session endpoint over HTTP (RP-Initiated Logout 1.0, 2-3): validation errors are
 * pages, never redirects; a browser session is only ended after the user confirms, from the
 * browser that started the logout.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Provider } from '../../src/provider.js';
import { createTestProvider, get, postForm, type TestProvider } from '../support/harness.js';
import {
  createBrowserSession,
  interactionIdOf,
  issueTokens,
  logOutThroughEndpoint,
  setCookie,
  signIdTokenHint,
} from '../support/logout.js';

const POST_LOGOUT = 'https://client.example.com/post_logout';

async function expectErrorPage(response: Response): Promise<void> {
  expect(response.status).toBe(400);
  expect(response.headers.get('location')).toBeNull();
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  expect(await response.text()).toContain('invalid_request');
}

function logoutQuery(provider: Provider, params: Record<string, string>, cookie?: string) {
  return get(provider, `/logout?${new URLSearchParams(params)}`, cookie ? { cookie } : {});
}

describe('RP-Initiated Logout 1.0 end-session endpoint validation', () => {
  let t: TestProvider;

  beforeEach(async () => {
    t = await createTestProvider();
  });

  it('shows a 400 page, without redirecting, for an unregistered post_logout_redirect_uri', async () => {
    const hint = await signIdTokenHint(t.provider, { sub: 'sub1' });
    await expectErrorPage(
      await logoutQuery(t.provider, {
        id_token_hint: hint,
        post_logout_redirect_uri: 'https://evil.example/steal',
        state: 's',
      }),
    );
  });

  it('shows a 400 page for a post_logout_redirect_uri without any client', async () => {
    await expectErrorPage(await logoutQuery(t.provider, { post_logout_redirect_uri: POST_LOGOUT }));
  });

  it('shows a 400 page for an unsigned id_token_hint', async () => {
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const hint = `${part({ alg: 'none' })}.${part({ iss: t.provider.issuer, sub: 's', aud: 'client1' })}.`;
    await expectErrorPage(
      await logoutQuery(t.provider, { id_token_hint: hint, post_logout_redirect_uri: POST_LOGOUT }),
    );
  });

  it('shows a 400 page for a garbage id_token_hint', async () => {
    await expectErrorPage(await logoutQuery(t.provider, { id_token_hint: 'garbage' }));
  });

  it('shows a 400 page when client_id is not an audience of the hint', async () => {
    const hint = await signIdTokenHint(t.provider, { sub: 'sub1' });
    await expectErrorPage(
      await logoutQuery(t.provider, { id_token_hint: hint, client_id: 'other' }),
    );
  });

  it('shows a 400 page for an unknown client_id', async () => {
    await expectErrorPage(await logoutQuery(t.provider, { client_id: 'unknown' }));
  });

  it('shows a 400 page for a repeated parameter', async () => {
    await expectErrorPage(await get(t.provider, '/logout?state=a&state=b'));
  });

  it('redirects straight back when the browser has no session at the OP', async () => {
    const response = await logoutQuery(t.provider, {
      client_id: 'client1',
      post_logout_redirect_uri: POST_LOGOUT,
      state: 'xyz',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${POST_LOGOUT}?state=xyz`);
  });

  it('shows a signed-out page without a session or redirect URI', async () => {
    const response = await get(t.provider, '/logout');
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
  });

  it('rejects methods other than GET and POST', async () => {
    const response = await t.provider.handle(
      new Request(`${t.provider.issuer}/logout`, { method: 'PUT' }),
    );
    expect(response.status).toBe(405);
  });
});

describe('RP-Initiated Logout 1.0 confirmation flow', () => {
  let t: TestProvider;

  beforeEach(async () => {
    t = await createTestProvider({ settings: { lifetimes: { refreshToken: 3600 } } });
  });

  it('asks for confirmation with a browser-binding cookie before ending anything', async () => {
    const { sid, cookie } = await createBrowserSession(t.provider);
    const hint = await signIdTokenHint(t.provider, { sub: 'sub1', sid });
    const response = await logoutQuery(
      t.provider,
      { id_token_hint: hint, post_logout_redirect_uri: POST_LOGOUT, state: 'st' },
      cookie,
    );
    expect(response.status).toBe(303);
    const id = interactionIdOf(response);
    expect(response.headers.get('location')).toBe(
      `${t.provider.issuer}/interaction/${id}?prompt=logout`,
    );
    const binding = setCookie(response, 'tessera.interaction');
    expect(binding).toMatch(/; Path=\/acme; HttpOnly; SameSite=Lax; Secure/);
    const record = await t.stores.interactions.get(id);
    expect(record).toMatchObject({
      prompt: 'logout',
      clientId: 'client1',
      params: { client_id: 'client1', post_logout_redirect_uri: POST_LOGOUT, state: 'st' },
    });
    expect(await t.stores.sessions.get(sid)).toBeDefined();
  });

  it('ends the session, revokes its grants and returns to the RP with state', async () => {
    const { sid, cookie } = await createBrowserSession(t.provider);
    const inSession = await issueTokens(t.provider, { sid });
    const elsewhere = await issueTokens(t.provider, { sid: 'another-session' });
    const hint = await signIdTokenHint(t.provider, { sub: inSession.sub, sid });
    const { done } = await logOutThroughEndpoint(t.provider, cookie, {
      id_token_hint: hint,
      post_logout_redirect_uri: POST_LOGOUT,
      state: 'st',
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${POST_LOGOUT}?state=st`);
    expect(setCookie(done, 'tessera.session')).toMatch(/^tessera\.session=;.*Max-Age=0/);
    expect(setCookie(done, 'tessera.interaction')).toMatch(/Max-Age=0/);
    expect(await t.stores.sessions.get(sid)).toBeUndefined();
    expect(await t.stores.grants.get(inSession.grant.id)).toBeUndefined();
    const refresh = t.provider.context.state.useRefreshToken(inSession.refreshToken!, 'client1');
    await expect(refresh).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(await t.stores.grants.get(elsewhere.grant.id)).toBeDefined();
  });

  it('works with a POSTed form as well', async () => {
    const { cookie } = await createBrowserSession(t.provider);
    const response = await postForm(
      t.provider,
      '/logout',
      { client_id: 'client1', post_logout_redirect_uri: POST_LOGOUT },
      { cookie },
    );
    expect(response.status).toBe(303);
    expect(() => interactionIdOf(response)).not.toThrow();
  });

  it('returns without state and without a bare question mark when no state was sent', async () => {
    const { cookie } = await createBrowserSession(t.provider);
    const { done } = await logOutThroughEndpoint(t.provider, cookie, {
      client_id: 'client1',
      post_logout_redirect_uri: POST_LOGOUT,
    });
    expect(done.headers.get('location')).toBe(POST_LOGOUT);
  });

  it('shows a signed-out page when there is nowhere to return to', async () => {
    const { sid, cookie } = await createBrowserSession(t.provider);
    const { done } = await logOutThroughEndpoint(t.provider, cookie);
    expect(done.status).toBe(200);
    expect(setCookie(done, 'tessera.session')).toMatch(/Max-Age=0/);
    expect(await t.stores.sessions.get(sid)).toBeUndefined();
  });

  it('sends the user to the host logged-out page when one is configured', async () => {
    const withPage = await createTestProvider({ loggedOutUrl: 'https://app.example.com/bye' });
    const { cookie } = await createBrowserSession(withPage.provider);
    const { done } = await logOutThroughEndpoint(withPage.provider, cookie);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('https://app.example.com/bye');
  });

  it('keeps the session when the user declines, still returning to the RP', async () => {
    const { sid, cookie } = await createBrowserSession(t.provider);
    const issued = await issueTokens(t.provider, { sid });
    const { done } = await logOutThroughEndpoint(
      t.provider,
      cookie,
      { client_id: 'client1', post_logout_redirect_uri: POST_LOGOUT, state: 'st' },
      false,
    );
    expect(done.headers.get('location')).toBe(`${POST_LOGOUT}?state=st`);
    expect(setCookie(done, 'tessera.session')).toBeUndefined();
    expect(await t.stores.sessions.get(sid)).toBeDefined();
    expect(await t.stores.grants.get(issued.grant.id)).toBeDefined();
  });

  it('refuses a second completion of the same logout', async () => {
    const { cookie } = await createBrowserSession(t.provider);
    const start = await get(t.provider, '/logout', { cookie });
    const binding = setCookie(start, 'tessera.interaction')!.split(';')[0];
    const request = () =>
      new Request(`${t.provider.issuer}/x`, { headers: { cookie: `${cookie}; ${binding}` } });
    const id = interactionIdOf(start);
    expect((await t.provider.completeLogout(request(), id, true)).status).toBe(200);
    await expectErrorPage(await t.provider.completeLogout(request(), id, true));
  });

  it("refuses completion from another browser and keeps the victim's session", async () => {
    const victim = await createBrowserSession(t.provider);
    const attacker = await createBrowserSession(t.provider);
    const start = await get(t.provider, '/logout', { cookie: victim.cookie });
    const attackerStart = await get(t.provider, '/logout', { cookie: attacker.cookie });
    const attackerBinding = setCookie(attackerStart, 'tessera.interaction')!.split(';')[0];
    const foreign = new Request(`${t.provider.issuer}/x`, {
      headers: { cookie: `${victim.cookie}; ${attackerBinding}` },
    });
    await expectErrorPage(await t.provider.completeLogout(foreign, interactionIdOf(start), true));
    expect(await t.stores.sessions.get(victim.sid)).toBeDefined();
    expect(await t.stores.interactions.get(interactionIdOf(start))).toBeDefined();
  });

  it('refuses completion without the binding cookie', async () => {
    const { cookie } = await createBrowserSession(t.provider);
    const start = await get(t.provider, '/logout', { cookie });
    const bare = new Request(`${t.provider.issuer}/x`, { headers: { cookie } });
    await expectErrorPage(await t.provider.completeLogout(bare, interactionIdOf(start), true));
  });

  it('refuses an expired logout interaction', async () => {
    const { cookie } = await createBrowserSession(t.provider);
    const start = await get(t.provider, '/logout', { cookie });
    const binding = setCookie(start, 'tessera.interaction')!.split(';')[0];
    t.clock.advance(601);
    const late = new Request(`${t.provider.issuer}/x`, {
      headers: { cookie: `${cookie}; ${binding}` },
    });
    await expectErrorPage(await t.provider.completeLogout(late, interactionIdOf(start), true));
  });

  it('refuses a login interaction id passed as a logout', async () => {
    const { cookie } = await createBrowserSession(t.provider);
    await t.stores.interactions.create({
      id: 'login-1',
      bindingHash: 'x',
      clientId: 'client1',
      params: {},
      prompt: 'login',
      createdAt: t.clock(),
      expiresAt: t.clock() + 600,
    });
    const request = new Request(`${t.provider.issuer}/x`, { headers: { cookie } });
    await expectErrorPage(await t.provider.completeLogout(request, 'login-1', true));
    expect(await t.stores.interactions.get('login-1')).toBeDefined();
  });
});
