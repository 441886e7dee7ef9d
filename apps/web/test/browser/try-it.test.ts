/**
 * The "try it" panel in Chromium: a real authorization code + PKCE sign-in at a tenant on
 * apps/op, run by the console page like a SPA, ending on /try-it/callback with the ID token
 * verified against the tenant's JWKS and userinfo called.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAPTOP, PHONE, screenshot, useChromium } from '../support/chromium';
import { signInAtOp, signInToConsole } from '../support/console-browser';
import { dataOf, graphql } from '../support/graphql-client';
import { unique } from '../support/operations';
import { databases, OPERATOR_LOGIN, OPERATOR_PASSWORD, usePlatform } from '../support/platform';
import { accessTokenFor, createApiClient } from '../support/principals';

const OPERATOR = { login: OPERATOR_LOGIN, password: OPERATOR_PASSWORD };
const USER = { login: 'ada', password: 'ada-correct-horse-battery' };
const USER_CLAIMS = { name: 'Ada Lovelace', email: 'ada@example.com' };

describe.each(databases())('the try-it panel on $name', (kind) => {
  const platform = usePlatform(kind);
  const chromium = useChromium();
  let token: string;
  let tenant: { id: string; slug: string; name: string; issuer: string };
  let clientId: string;
  let secretClient: { clientId: string; secret: string };

  const run = async <T>(query: string, variables: Record<string, unknown>): Promise<T> =>
    dataOf(await graphql<T>(platform.web, query, variables, { token }));
  const callbackUri = () => `${platform.web.url}/try-it/callback`;

  const redirectUrisOf = async (id: string): Promise<string[]> =>
    (
      await run<{ client: { redirectUris: string[] } }>(
        'query($tenantId: ID!, $clientId: String!) { client(tenantId: $tenantId, clientId: $clientId) { redirectUris } }',
        { tenantId: tenant.id, clientId: id },
      )
    ).client.redirectUris;

  /** Opens the panel and presses "Sign in": returns the `state` of the authorization request. */
  async function startSignIn(page: Page): Promise<string> {
    const authorize = page.waitForRequest((request) => request.url().includes('/authorize?'));
    await page.getByRole('button', { name: `Sign in with ${tenant.name}` }).click();
    const state = new URL((await authorize).url()).searchParams.get('state');
    await page.waitForURL((url) => url.origin === platform.op.publicUrl);
    if (!state) throw new Error('the authorization request had no state');
    return state;
  }

  /** The panel with `id` chosen, once its callback URI is registered. */
  async function openPanel(page: Page, id: string): Promise<void> {
    await signInToConsole(page, platform, OPERATOR, `/tenants/${tenant.slug}/try`);
    await page.getByLabel('Client', { exact: true }).selectOption(id);
    await page.getByRole('button', { name: `Sign in with ${tenant.name}` }).waitFor();
  }

  const json = async (page: Page, testId: string): Promise<Record<string, unknown>> =>
    JSON.parse((await page.getByTestId(testId).textContent()) ?? 'null');

  beforeAll(async () => {
    token = await accessTokenFor(
      platform,
      await createApiClient(platform, [{ role: 'platform_operator' }]),
    );
    const { createTenant } = await run<{ createTenant: typeof tenant }>(
      'mutation($slug: String!) { createTenant(slug: $slug, name: "Try tenant") { id slug name issuer } }',
      { slug: `try-${unique()}` },
    );
    tenant = createTenant;
    await run<{ createUser: { id: string } }>(
      `mutation($tenantId: ID!, $loginName: String!, $password: String, $email: String, $claims: JSON) {
        createUser(tenantId: $tenantId, loginName: $loginName, password: $password, email: $email, claims: $claims) { id }
      }`,
      {
        tenantId: tenant.id,
        loginName: USER.login,
        password: USER.password,
        email: USER_CLAIMS.email,
        claims: USER_CLAIMS,
      },
    );
    // A public native client: loopback http redirect URIs (the console's, in tests) are allowed.
    const { createClient } = await run<{ createClient: { client: { clientId: string } } }>(
      `mutation($tenantId: ID!, $metadata: JSON!) {
        createClient(tenantId: $tenantId, metadata: $metadata) { client { clientId } }
      }`,
      {
        tenantId: tenant.id,
        metadata: {
          client_name: 'Try native app',
          application_type: 'native',
          redirect_uris: ['com.example.try:/callback'],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'none',
        },
      },
    );
    clientId = createClient.client.clientId;
    const confidential = await run<{
      createClient: { client: { clientId: string }; clientSecret: string };
    }>(
      `mutation($tenantId: ID!, $metadata: JSON!) {
        createClient(tenantId: $tenantId, metadata: $metadata) { client { clientId } clientSecret }
      }`,
      {
        tenantId: tenant.id,
        metadata: {
          client_name: 'Try confidential app',
          application_type: 'native',
          redirect_uris: [callbackUri()],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      },
    );
    secretClient = {
      clientId: confidential.createClient.client.clientId,
      secret: confidential.createClient.clientSecret,
    };
  });

  it('adds the callback URI, signs in at the tenant and shows the verified ID token and userinfo', async () => {
    const page = await chromium.newPage({ viewport: LAPTOP });
    await signInToConsole(page, platform, OPERATOR, `/tenants/${tenant.slug}/try`);
    await page.getByLabel('Client', { exact: true }).selectOption(clientId);
    await page.getByTestId('missing-callback').waitFor();
    await screenshot(page, 'try-it-panel', kind.name);
    await page.getByRole('button', { name: 'Add the callback URI to this client' }).click();
    await expect
      .poll(() => redirectUrisOf(clientId))
      .toEqual(['com.example.try:/callback', callbackUri()]);

    await startSignIn(page);
    await signInAtOp(page, USER);
    await page.waitForURL((url) => url.href.startsWith(callbackUri()));
    const verification = page.getByTestId('verification');
    await verification.waitFor();

    expect(await verification.getAttribute('data-verified')).toBe('true');
    const claims = await json(page, 'id-token-claims');
    expect(claims.iss).toBe(tenant.issuer);
    expect(claims.aud).toBe(clientId);
    expect(claims.sub).toEqual(expect.any(String));
    const userinfo = await json(page, 'userinfo');
    expect(userinfo.sub).toBe(claims.sub);
    expect(userinfo).toMatchObject(USER_CLAIMS);
    expect(await json(page, 'id-token-header')).toMatchObject({ alg: 'RS256' });
    // The access token is shown shortened only.
    expect(await page.getByTestId('token-response').textContent()).toMatch(/…/);
    await screenshot(page, 'try-it-result', kind.name);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'try-it-result-phone', kind.name);

    await page.getByRole('link', { name: 'Start again' }).click();
    await page.waitForURL((url) => url.pathname === `/tenants/${tenant.slug}/try`);
  });

  it("shows the OP's error code from the callback", async () => {
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openPanel(page, clientId);
    const state = await startSignIn(page);
    // What the OP sends when the user declines: the error, with the state of the request.
    const error = new URLSearchParams({
      error: 'access_denied',
      error_description: 'The user declined',
      state,
    });
    await page.goto(`${callbackUri()}?${error}`);
    expect(await page.getByTestId('oauth-error-code').textContent()).toBe('access_denied');
    expect(await page.getByTestId('oauth-error').textContent()).toContain('The user declined');
  });

  it('refuses a callback whose state is not the one sent, without redeeming its code', async () => {
    const page = await chromium.newPage({ viewport: LAPTOP });
    await openPanel(page, clientId);
    await startSignIn(page);
    const tokenRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/token')) tokenRequests.push(request.url());
    });
    await page.goto(`${callbackUri()}?code=forged-code&state=forged-state`);
    expect(await page.getByTestId('oauth-error-code').textContent()).toBe('state_mismatch');
    expect(tokenRequests).toEqual([]);
  });

  it.each([
    ['a wrong secret is refused with the OP error code', 'wrong-secret', 'invalid_client'],
    ['the right secret completes the sign-in', 'right', 'verified'],
  ])('asks for a confidential client secret on the way back: %s', async (_name, which, outcome) => {
    const page = await chromium.newPage({ viewport: LAPTOP });
    const toConsole: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(platform.web.url)) {
        toConsole.push(`${request.url()} ${request.postData() ?? ''}`);
      }
    });
    await openPanel(page, secretClient.clientId);
    await startSignIn(page);
    await signInAtOp(page, USER);
    await page.waitForURL((url) => url.href.startsWith(callbackUri()));
    const secret = which === 'right' ? secretClient.secret : `${secretClient.secret}x`;
    await page.getByLabel('Client secret').fill(secret);
    await page.getByRole('button', { name: 'Exchange the code' }).click();
    if (outcome === 'verified') {
      await page.getByTestId('verification').waitFor();
      expect(await page.getByTestId('verification').getAttribute('data-verified')).toBe('true');
      expect((await json(page, 'id-token-claims')).aud).toBe(secretClient.clientId);
    } else {
      expect(await page.getByTestId('oauth-error-code').textContent()).toBe(outcome);
    }
    // The secret goes to the tenant's token endpoint only: never to the console, never shown.
    expect(toConsole.filter((line) => line.includes(secretClient.secret))).toEqual([]);
    expect(await page.content()).not.toContain(secretClient.secret);
  });
});
