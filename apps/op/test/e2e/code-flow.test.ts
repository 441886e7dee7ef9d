import * as client from 'openid-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../support/e2e-databases';
import { createTenant, createUser, type UserFixture, withRefreshTokens } from '../support/fixtures';
import { useOp } from '../support/op-harness';
import {
  asUser,
  CALLBACK,
  loginWithCode,
  newBrowser,
  oauthErrorOf,
  registerClient,
} from '../support/relying-party';

describe.each(databases())(
  'Authorization code flow with PKCE through openid-client on $name',
  (kind) => {
    const op = useOp(kind);
    let issuer: string;
    let alice: UserFixture;
    let config: client.Configuration;

    beforeAll(async () => {
      // Refresh tokens are issued only when the tenant sets their lifetime (the engine default has none).
      const tenant = await createTenant(op.db, { settings: withRefreshTokens });
      issuer = op.server.issuer(tenant.slug);
      alice = await createUser(op.db, tenant.id, { login: 'alice' });
      config = await registerClient(issuer);
    });

    it('walks the login and consent pages and returns to the redirect_uri with code, state and iss', async () => {
      const browser = newBrowser();
      const { callback, request } = await loginWithCode(config, browser, asUser(alice));
      expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
      expect(callback.searchParams.get('state')).toBe(request.state);
      expect(callback.searchParams.get('iss')).toBe(issuer);
      const pages = browser.visited.filter(
        (line) => line.startsWith('GET ') && line.includes('/interaction/'),
      );
      expect(pages.some((line) => line.endsWith('/login'))).toBe(true);
      expect(pages.some((line) => line.endsWith('/consent'))).toBe(true);
      expect(browser.visited.some((line) => line.startsWith(`POST ${issuer}/interaction/`))).toBe(
        true,
      );
    });

    it('issues an ID token with iss, aud, sub, nonce, auth_time and sid', async () => {
      const before = Math.floor(Date.now() / 1000);
      const { tokens, request } = await loginWithCode(config, newBrowser(), asUser(alice));
      const claims = tokens.claims();
      expect(claims?.iss).toBe(issuer);
      expect(claims?.aud).toBe(config.clientMetadata().client_id);
      expect(claims?.sub).toEqual(expect.any(String));
      expect(claims?.sub).not.toBe(alice.id);
      expect(claims?.nonce).toBe(request.nonce);
      expect(claims?.auth_time).toBeGreaterThanOrEqual(before - 1);
      expect(claims?.auth_time).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 1);
      expect(claims?.sid).toEqual(expect.any(String));
      expect(tokens.token_type.toLowerCase()).toBe('bearer');
      expect(tokens.expiresIn()).toBeGreaterThan(0);
    });

    it('returns the granted claims from userinfo for the ID token subject', async () => {
      const { tokens } = await loginWithCode(config, newBrowser(), asUser(alice));
      const sub = tokens.claims()!.sub;
      const userinfo = await client.fetchUserInfo(config, tokens.access_token, sub);
      expect(userinfo.sub).toBe(sub);
      expect(userinfo.email).toBe(alice.email);
      expect(userinfo.email_verified).toBe(true);
      expect(userinfo.name).toBe('alice Example');
    });

    it('refreshes the tokens and refuses the rotated refresh token with invalid_grant', async () => {
      const { tokens } = await loginWithCode(config, newBrowser(), asUser(alice), {
        scope: 'openid email offline_access',
        prompt: 'consent',
      });
      const first = tokens.refresh_token;
      expect(first).toEqual(expect.any(String));
      const refreshed = await client.refreshTokenGrant(config, first!);
      expect(refreshed.access_token).not.toBe(tokens.access_token);
      expect(refreshed.claims()?.sub).toBe(tokens.claims()?.sub);
      expect(await oauthErrorOf(client.refreshTokenGrant(config, first!))).toEqual({
        error: 'invalid_grant',
        status: 400,
      });
    });

    it('introspects an access token as active with its client, subject and scope', async () => {
      const { tokens } = await loginWithCode(config, newBrowser(), asUser(alice));
      const introspection = await client.tokenIntrospection(config, tokens.access_token);
      expect(introspection.active).toBe(true);
      expect(introspection.client_id).toBe(config.clientMetadata().client_id);
      expect(introspection.sub).toBe(tokens.claims()?.sub);
      expect(introspection.scope?.split(' ')).toContain('openid');
    });

    it('revokes an access token, after which introspection says active=false and userinfo refuses it', async () => {
      const { tokens } = await loginWithCode(config, newBrowser(), asUser(alice));
      await client.tokenRevocation(config, tokens.access_token);
      expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(false);
      expect(
        await oauthErrorOf(client.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub)),
      ).toEqual({ error: 'invalid_token', status: 401 });
    });

    it('revokes a refresh token, which then fails with invalid_grant', async () => {
      const { tokens } = await loginWithCode(config, newBrowser(), asUser(alice), {
        scope: 'openid offline_access',
        prompt: 'consent',
      });
      await client.tokenRevocation(config, tokens.refresh_token!, {
        token_type_hint: 'refresh_token',
      });
      expect((await client.tokenIntrospection(config, tokens.refresh_token!)).active).toBe(false);
      expect(await oauthErrorOf(client.refreshTokenGrant(config, tokens.refresh_token!))).toEqual({
        error: 'invalid_grant',
        status: 400,
      });
    });

    it('delivers the code by form_post when asked', async () => {
      const browser = newBrowser();
      const verifier = client.randomPKCECodeVerifier();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: CALLBACK,
        scope: 'openid',
        response_mode: 'form_post',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: 'fp-state',
        nonce: 'fp-nonce',
      });
      const outcome = await browser.walk(url, asUser(alice));
      expect(outcome.kind).toBe('form_post');
      if (outcome.kind !== 'form_post') return;
      expect(outcome.action).toBe(CALLBACK);
      expect(outcome.params.get('state')).toBe('fp-state');
      const request = new Request(outcome.action, { method: 'POST', body: outcome.params });
      const tokens = await client.authorizationCodeGrant(config, request, {
        pkceCodeVerifier: verifier,
        expectedState: 'fp-state',
        expectedNonce: 'fp-nonce',
      });
      expect(tokens.claims()?.nonce).toBe('fp-nonce');
    });
  },
);
