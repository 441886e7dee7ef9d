/**
 * The whole path an operator takes on day one, in Chromium against both built apps: sign in to
 * the console, create a tenant, a web application client and a user through the screens, then a
 * real relying party (openid-client) signs that user in through the new tenant's login page.
 */
import * as oidc from 'openid-client';
import { describe, expect, it } from 'vitest';
import { screenshot, useChromium } from '../support/chromium';
import { authorizeInChromium, signInToConsole } from '../support/console-browser';
import { databases, OPERATOR_LOGIN, OPERATOR_PASSWORD, usePlatform } from '../support/platform';

const RP_CALLBACK = 'https://rp.example.test/cb';
const USER = { login: 'ada', email: 'ada@journey.example', password: 'analytical-engine-1843' };

describe.each(databases())('An operator’s first day in the console on $name', (kind) => {
  const platform = usePlatform(kind);
  const chromium = useChromium();

  it('creates a tenant, a client and a user, and that user signs in to the tenant through a relying party', async () => {
    const page = await chromium.newPage();
    await signInToConsole(page, platform, { login: OPERATOR_LOGIN, password: OPERATOR_PASSWORD });

    await page.getByRole('button', { name: 'Create tenant' }).click();
    const creation = page.getByRole('region', { name: 'Create tenant' });
    await creation.getByLabel('Name', { exact: true }).fill('Journey Co');
    await creation.getByLabel('Slug', { exact: true }).fill('journey');
    await creation.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/tenants/journey');

    await page.goto(`${platform.web.url}/tenants/journey/new-client`);
    await page.getByRole('radio', { name: /Web app/ }).check();
    await page.getByLabel('Name', { exact: true }).fill('Journey RP');
    await page.getByLabel('Client id', { exact: true }).fill('journey-rp');
    await page.getByLabel('Redirect URIs', { exact: true }).fill(RP_CALLBACK);
    await page.getByRole('button', { name: 'Create client' }).click();
    const secret = (await page.getByTestId('one-time-secret').textContent())?.trim() ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(32);
    await screenshot(page, 'journey-client-secret', kind.name);

    await page.goto(`${platform.web.url}/tenants/journey/new-user`);
    await page.getByLabel('Login name', { exact: true }).fill(USER.login);
    await page.getByLabel('Email', { exact: true }).fill(USER.email);
    await page.getByLabel('Password', { exact: true }).fill(USER.password);
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.waitForURL((url) => /^\/tenants\/journey\/users\/[^/]+$/.test(url.pathname));

    const issuer = `${platform.op.publicUrl}/journey`;
    const config = await oidc.discovery(
      new URL(issuer),
      'journey-rp',
      secret,
      oidc.ClientSecretBasic(),
      { execute: [oidc.allowInsecureRequests] },
    );
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: RP_CALLBACK,
      scope: 'openid email',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const rpPage = await chromium.newPage();
    const callback = await authorizeInChromium(rpPage, authorizationUrl, RP_CALLBACK, USER);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    expect(claims?.iss).toBe(issuer);
    expect(claims?.aud).toBe('journey-rp');
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims?.sub ?? '');
    expect(userinfo.email).toBe(USER.email);
  });
});
