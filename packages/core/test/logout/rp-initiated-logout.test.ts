/**
 * pyOP's TestRPInitiatedLogout (spec 11), through the pyOP-style API, plus the corrected
 * behaviour where pyOP was wrong: hints are verified (defect 5), refresh tokens die with the
 * logout (defect 8) and no bare `?` is appended without a state (defect 13).
 */
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OAuthError } from '../../src/errors.js';
import type { Provider } from '../../src/provider.js';
import {
  createTestProvider,
  ISSUER,
  NOW,
  putClient,
  type TestProvider,
} from '../support/harness.js';
import { type IssuedState, issueTokens, signIdTokenHint } from '../support/logout.js';

const POST_LOGOUT = 'https://client.example.com/post_logout';

async function errorOf(promise: Promise<unknown>): Promise<OAuthError> {
  try {
    await promise;
  } catch (error) {
    return error as OAuthError;
  }
  throw new Error('expected a rejection');
}

async function expectStateRevoked(provider: Provider, issued: IssuedState): Promise<void> {
  const { state } = provider.context;
  expect((await errorOf(state.introspectAccessToken(issued.accessToken))).error).toBe(
    'invalid_token',
  );
  expect((await errorOf(state.redeemAuthorizationCode(issued.code))).error).toBe('invalid_grant');
  expect((await errorOf(state.useRefreshToken(issued.refreshToken!, 'client1'))).error).toBe(
    'invalid_grant',
  );
}

function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

describe('RP-Initiated Logout 1.0 (pyOP TestRPInitiatedLogout)', () => {
  let t: TestProvider;
  let issued: IssuedState;

  beforeEach(async () => {
    t = await createTestProvider({ settings: { lifetimes: { refreshToken: 3600 } } });
    issued = await issueTokens(t.provider);
  });

  it('revokes codes, access tokens and refresh tokens of a subject identifier', async () => {
    await t.provider.logoutUser(issued.sub);
    await expectStateRevoked(t.provider, issued);
  });

  it('logs out the subject of a verified id_token_hint', async () => {
    const hint = await signIdTokenHint(t.provider, { sub: issued.sub });
    await t.provider.logoutUser(undefined, { id_token_hint: hint });
    await expectStateRevoked(t.provider, issued);
  });

  it('lets the hint subject replace the subject identifier argument', async () => {
    const hint = await signIdTokenHint(t.provider, { sub: issued.sub });
    await t.provider.logoutUser('unknown', { id_token_hint: hint });
    await expectStateRevoked(t.provider, issued);
  });

  it('rejects an unknown subject identifier with InvalidSubjectIdentifier', async () => {
    const error = await errorOf(t.provider.logoutUser('unknown'));
    expect(error.name).toBe('InvalidSubjectIdentifier');
    expect(error.error).toBe('invalid_request');
  });

  it('rejects a logout without any subject', async () => {
    const error = await errorOf(t.provider.logoutUser());
    expect(error.name).toBe('InvalidSubjectIdentifier');
  });

  it('leaves other subjects alone', async () => {
    const other = await issueTokens(t.provider, { userId: 'user2' });
    await t.provider.logoutUser(issued.sub);
    const token = await t.provider.context.state.introspectAccessToken(other.accessToken);
    expect(token.active).toBe(true);
  });

  it('redirects to the registered post_logout_redirect_uri with state', async () => {
    const hint = await signIdTokenHint(t.provider, { sub: issued.sub });
    const url = await t.provider.doPostLogoutRedirect({
      id_token_hint: hint,
      post_logout_redirect_uri: POST_LOGOUT,
      state: 'state',
    });
    expect(url).toBe(`${POST_LOGOUT}?state=state`);
  });

  it('returns no redirect without a post_logout_redirect_uri', async () => {
    expect(await t.provider.doPostLogoutRedirect({})).toBeUndefined();
  });

  it('returns no redirect when no client names the post_logout_redirect_uri', async () => {
    const url = await t.provider.doPostLogoutRedirect({ post_logout_redirect_uri: POST_LOGOUT });
    expect(url).toBeUndefined();
  });

  it('returns no redirect for an unregistered post_logout_redirect_uri', async () => {
    const hint = await signIdTokenHint(t.provider, { sub: issued.sub });
    const url = await t.provider.doPostLogoutRedirect({
      id_token_hint: hint,
      post_logout_redirect_uri: 'https://client.example.com/other',
    });
    expect(url).toBeUndefined();
  });
});

describe('RP-Initiated Logout 1.0 post-logout redirect (corrections of pyOP)', () => {
  let t: TestProvider;

  beforeEach(async () => {
    t = await createTestProvider();
    await putClient(t.stores, 'client2', {
      post_logout_redirect_uris: ['https://rp2.example.com/bye?from=op'],
      redirect_uris: ['https://rp2.example.com/cb'],
    });
  });

  it('adds no bare question mark when there is no state (defect 13)', async () => {
    const url = await t.provider.doPostLogoutRedirect({
      client_id: 'client1',
      post_logout_redirect_uri: POST_LOGOUT,
    });
    expect(url).toBe(POST_LOGOUT);
  });

  it('appends state with & to a URI that already has a query', async () => {
    const url = await t.provider.doPostLogoutRedirect({
      client_id: 'client2',
      post_logout_redirect_uri: 'https://rp2.example.com/bye?from=op',
      state: 'a b&c',
    });
    expect(url).toBe('https://rp2.example.com/bye?from=op&state=a%20b%26c');
  });

  it('accepts client_id instead of a hint to identify the client', async () => {
    const url = await t.provider.doPostLogoutRedirect({
      client_id: 'client1',
      post_logout_redirect_uri: POST_LOGOUT,
      state: 's',
    });
    expect(url).toBe(`${POST_LOGOUT}?state=s`);
  });

  it('returns no redirect when client_id is not an audience of the hint', async () => {
    const hint = await signIdTokenHint(t.provider, { sub: 'x', aud: 'client1' });
    const url = await t.provider.doPostLogoutRedirect({
      id_token_hint: hint,
      client_id: 'client2',
      post_logout_redirect_uri: 'https://rp2.example.com/bye?from=op',
    });
    expect(url).toBeUndefined();
  });

  it('returns no redirect for an unknown client instead of crashing', async () => {
    const hint = await signIdTokenHint(t.provider, { sub: 'x', aud: 'gone' });
    const url = await t.provider.doPostLogoutRedirect({
      id_token_hint: hint,
      post_logout_redirect_uri: POST_LOGOUT,
    });
    expect(url).toBeUndefined();
  });

  it('returns no redirect for a forged hint instead of crashing', async () => {
    const url = await t.provider.doPostLogoutRedirect({
      id_token_hint: 'garbage',
      post_logout_redirect_uri: POST_LOGOUT,
    });
    expect(url).toBeUndefined();
  });
});

describe('RP-Initiated Logout 1.0 id_token_hint verification (pyOP defect 5)', () => {
  let t: TestProvider;
  let issued: IssuedState;

  beforeEach(async () => {
    t = await createTestProvider({ settings: { lifetimes: { refreshToken: 3600 } } });
    issued = await issueTokens(t.provider);
  });

  async function expectRejected(hint: string): Promise<void> {
    const error = await errorOf(t.provider.logoutUser(undefined, { id_token_hint: hint }));
    expect(error.error).toBe('invalid_request');
    // Nothing was revoked by the rejected hint.
    const token = await t.provider.context.state.introspectAccessToken(issued.accessToken);
    expect(token.active).toBe(true);
  }

  it('rejects an unsigned (alg none) hint', async () => {
    await expectRejected(
      unsignedToken({ iss: ISSUER, sub: issued.sub, aud: 'client1', iat: NOW, exp: NOW + 60 }),
    );
  });

  it("rejects a hint signed by a key that is not this tenant's", async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const foreign = await new SignJWT({ sub: issued.sub, aud: 'client1' })
      .setProtectedHeader({ alg: 'RS256', kid: (await exportJWK(publicKey)).n!.slice(0, 8) })
      .setIssuer(ISSUER)
      .setIssuedAt(NOW)
      .setExpirationTime(NOW + 60)
      .sign(privateKey);
    await expectRejected(foreign);
  });

  it("rejects a hint carrying this tenant's kid but another key's signature", async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const kid = t.provider.jwks.keys[0]!.kid!;
    const forged = await new SignJWT({ sub: issued.sub, aud: 'client1', iss: ISSUER })
      .setProtectedHeader({ alg: 'RS256', kid })
      .sign(privateKey);
    await expectRejected(forged);
  });

  it('rejects a hint whose payload was tampered with', async () => {
    const hint = await signIdTokenHint(t.provider, { sub: 'someone-else' });
    const [header, , signature] = hint.split('.');
    const payload = Buffer.from(
      JSON.stringify({ iss: ISSUER, sub: issued.sub, aud: 'client1' }),
    ).toString('base64url');
    await expectRejected(`${header}.${payload}.${signature}`);
  });

  it('rejects a hint from another issuer', async () => {
    await expectRejected(
      await signIdTokenHint(t.provider, { sub: issued.sub, iss: 'https://evil.example' }),
    );
  });

  it('rejects a garbage hint with invalid_request, not an exception', async () => {
    await expectRejected('not.a.jwt');
  });

  it('rejects a logout token used as a hint', async () => {
    const token = await t.provider.context.keys.sign(
      { iss: ISSUER, sub: issued.sub, aud: 'client1', iat: NOW, events: {} },
      'RS256',
      'logout+jwt',
    );
    await expectRejected(token);
  });

  it('accepts an expired hint (RP-Initiated Logout 1.0, 2)', async () => {
    const hint = await signIdTokenHint(t.provider, {
      sub: issued.sub,
      iat: NOW - 86_400,
      exp: NOW - 3600,
    });
    await t.provider.logoutUser(undefined, { id_token_hint: hint });
    await expectStateRevoked(t.provider, issued);
  });

  it('makes refresh tokens unusable after logoutUser (defect 8)', async () => {
    await t.provider.logoutUser(issued.sub);
    const error = await errorOf(
      t.provider.context.state.useRefreshToken(issued.refreshToken!, 'client1'),
    );
    expect(error.error).toBe('invalid_grant');
  });
});
