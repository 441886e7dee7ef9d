import * as client from 'openid-client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../support/browser';
import { databases } from '../support/e2e-databases';
import {
  createTenant,
  createUser,
  type TenantFixture,
  type UserFixture,
} from '../support/fixtures';
import { alertText, readForms } from '../support/html-form';
import { useOp } from '../support/op-harness';
import {
  asUser,
  CALLBACK,
  callbackOf,
  codeAuthorization,
  describeOutcome,
  newBrowser,
  oauthErrorOf,
  registerClient,
} from '../support/relying-party';

describe.each(databases())('Errors the end user and the RP see on $name', (kind) => {
  const op = useOp(kind);
  let tenant: TenantFixture;
  let issuer: string;
  let alice: UserFixture;
  let config: client.Configuration;

  beforeAll(async () => {
    tenant = await createTenant(op.db);
    issuer = op.server.issuer(tenant.slug);
    alice = await createUser(op.db, tenant.id, { login: 'alice' });
    config = await registerClient(issuer);
  });

  /** Authorizes as alice and returns the callback carrying the code. */
  async function authorize(): Promise<{
    callback: URL;
    verifier: string;
    state: string;
    nonce: string;
  }> {
    const request = await codeAuthorization(config);
    const callback = callbackOf(await newBrowser().walk(request.url, asUser(alice)));
    return { callback, ...request };
  }

  describe('at the authorization endpoint', () => {
    it('shows an error page without redirecting for an unregistered redirect_uri', async () => {
      const { url } = await codeAuthorization(config, {
        redirect_uri: 'https://rp.example.test/other',
      });
      const response = await newBrowser().request(url);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      await response.body?.cancel();
    });

    it('shows an error page without redirecting for an unknown client_id', async () => {
      const { url } = await codeAuthorization(config);
      url.searchParams.set('client_id', 'no-such-client');
      const response = await newBrowser().request(url);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('location')).toBeNull();
      await response.body?.cancel();
    });
  });

  describe('at the token endpoint', () => {
    it('refuses a replayed authorization code with invalid_grant (400)', async () => {
      const { callback, verifier, state, nonce } = await authorize();
      const checks = { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce };
      await client.authorizationCodeGrant(config, callback, checks);
      expect(await oauthErrorOf(client.authorizationCodeGrant(config, callback, checks))).toEqual({
        error: 'invalid_grant',
        status: 400,
      });
    });

    it('refuses a wrong code_verifier with invalid_grant (400)', async () => {
      const { callback, state, nonce } = await authorize();
      const checks = {
        pkceCodeVerifier: client.randomPKCECodeVerifier(),
        expectedState: state,
        expectedNonce: nonce,
      };
      expect(await oauthErrorOf(client.authorizationCodeGrant(config, callback, checks))).toEqual({
        error: 'invalid_grant',
        status: 400,
      });
    });
  });

  describe('on the login page', () => {
    it('shows the login page again with an alert after a wrong password', async () => {
      const { url } = await codeAuthorization(config);
      const browser = newBrowser();
      const outcome = await browser.walk(url, {
        login: { login: alice.login, password: 'not-the-password' },
      });
      expect(outcome.kind === 'page' && outcome.page, describeOutcome(outcome)).toBe('login');
      if (outcome.kind !== 'page') return;
      expect(outcome.status).toBe(200);
      expect(outcome.url.searchParams.get('error')).toBe('invalid_credentials');
      expect(alertText(outcome.body)).toBeTruthy();
      // The page still offers the form, so the user can try again and succeed.
      expect(readForms(outcome.body, outcome.url).some((form) => form.method === 'post')).toBe(
        true,
      );
      const retried = await browser.submit(outcome, asUser(alice));
      expect(callbackOf(retried).searchParams.get('code')).toEqual(expect.any(String));
    });

    it('refuses a user of the tenant who is disabled, after the right password', async () => {
      const carol = await createUser(op.db, tenant.id, { login: 'carol', disabled: true });
      const { url } = await codeAuthorization(config);
      const outcome = await newBrowser().walk(url, asUser(carol));
      expect(
        outcome.kind === 'page' && outcome.url.searchParams.get('error'),
        describeOutcome(outcome),
      ).toBe('disabled');
    });

    it('throttles the account after the tenant limit of failures, even for the right password', async () => {
      const strict = await createTenant(op.db, {
        settings: (settings) => {
          settings.loginLimits.perAccount.maxFailures = 2;
        },
      });
      const bob = await createUser(op.db, strict.id, { login: 'bob' });
      const strictConfig = await registerClient(op.server.issuer(strict.slug));
      const attempt = async (password: string): Promise<Outcome> => {
        const { url } = await codeAuthorization(strictConfig);
        return newBrowser().walk(url, { login: { login: bob.login, password }, consent: 'allow' });
      };
      const failures: Outcome[] = [await attempt('wrong-1'), await attempt('wrong-2')];
      for (const failure of failures) {
        expect(failure.kind === 'page' && failure.url.searchParams.get('error')).toBe(
          'invalid_credentials',
        );
      }
      const throttled = await attempt(bob.password);
      expect(throttled.kind === 'page' && throttled.page, describeOutcome(throttled)).toBe('login');
      if (throttled.kind !== 'page' || failures[0]?.kind !== 'page') return;
      expect(throttled.url.searchParams.get('error')).toBe('throttled');
      const message = alertText(throttled.body);
      expect(message).toBeTruthy();
      expect(message).not.toBe(alertText(failures[0].body));
    });
  });

  describe('on the interaction pages', () => {
    it('answers an unknown interaction with a friendly 400 page, on GET and POST', async () => {
      const browser = newBrowser();
      const page = await browser.request(new URL(`${issuer}/interaction/unknown-id/login`));
      expect(page.status).toBe(400);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      await page.body?.cancel();
      const post = await browser.request(new URL(`${issuer}/interaction/unknown-id`), {
        method: 'POST',
        body: new URLSearchParams({ action: 'login', csrf: 'x', login: 'alice', password: 'x' }),
      });
      expect(post.status).toBeGreaterThanOrEqual(400);
      expect(post.status).toBeLessThan(500);
      await post.body?.cancel();
    });

    it('refuses a login form without the right csrf token with 403', async () => {
      const { url } = await codeAuthorization(config);
      const browser = newBrowser();
      const outcome = await browser.walk(url);
      expect(outcome.kind === 'page' && outcome.page, describeOutcome(outcome)).toBe('login');
      if (outcome.kind !== 'page') return;
      const form = readForms(outcome.body, outcome.url).find(
        (candidate) => candidate.method === 'post',
      );
      const body = new URLSearchParams({
        action: 'login',
        csrf: 'forged',
        login: alice.login,
        password: alice.password,
      });
      const response = await browser.request(new URL(form!.action), { method: 'POST', body });
      expect(response.status).toBe(403);
      expect(response.headers.get('location')).toBeNull();
      await response.body?.cancel();
    });

    it('refuses a form post from a foreign Origin with 403', async () => {
      const { url } = await codeAuthorization(config);
      const browser = newBrowser();
      const outcome = await browser.walk(url);
      if (outcome.kind !== 'page') throw new Error(describeOutcome(outcome));
      const form = readForms(outcome.body, outcome.url).find(
        (candidate) => candidate.method === 'post',
      );
      const fields = Object.fromEntries(form!.fields.map((field) => [field.name, field.value]));
      const body = new URLSearchParams({ ...fields, login: alice.login, password: alice.password });
      const response = await browser.request(new URL(form!.action), {
        method: 'POST',
        body,
        headers: { origin: 'https://evil.example.test' },
      });
      expect(response.status).toBe(403);
      await response.body?.cancel();
    });
  });

  it('never sends the browser to the RP with a code for a redirect_uri it did not register', async () => {
    const { url } = await codeAuthorization(config, { redirect_uri: `${CALLBACK}/../elsewhere` });
    const outcome = await newBrowser().walk(url, asUser(alice));
    expect(outcome.kind).toBe('page');
  });
});
