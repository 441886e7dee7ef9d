import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FORM_BYTES } from '../../src/interaction/read-form';
import {
  Browser,
  CODE_VERIFIER,
  createTenant,
  formOf,
  PASSWORD,
  pageFor,
  REDIRECT_URI,
  startOp,
  startSignIn,
  type TestOp,
  type TestTenant,
} from './harness';

describe('Interaction form submissions against a real provider and database', () => {
  let op: TestOp;
  let tenant: TestTenant;
  beforeAll(async () => {
    op = await startOp();
    tenant = await createTenant(op.runtime);
  });
  afterAll(async () => {
    await op?.close();
  });

  /** A browser at the login page of a fresh sign-in, with the page's form. */
  async function atLogin(extra: Record<string, string> = {}) {
    const browser = new Browser();
    const id = await startSignIn(op.runtime, browser, tenant, extra);
    const form = await formOf(op.runtime, browser, tenant, id);
    return { browser, id, form };
  }

  function login(
    browser: Browser,
    form: { formAction: string; csrf: string },
    password = PASSWORD,
  ) {
    return browser.post(op.runtime, form.formAction, {
      csrf: form.csrf,
      action: 'login',
      login: 'ada',
      password,
    });
  }

  it('signs the user in, asks for consent, and sends a code the client can redeem', async () => {
    const { browser, id, form } = await atLogin();
    expect(form.prompt).toBe('login');

    const afterLogin = await login(browser, form);
    expect(afterLogin.status).toBe(303);
    expect(afterLogin.headers.get('location')).toBe(`${tenant.issuer}/interaction/${id}/consent`);
    expect(browser.cookie('tessera.session')).toBeDefined();

    const consent = await formOf(op.runtime, browser, tenant, id);
    expect(consent.prompt).toBe('consent');
    expect(consent.client?.name).toBe('Example RP');
    expect(consent.scopes).toEqual(['openid', 'profile', 'email']);
    expect(consent.claims).toContain('email');
    const allowed = await browser.post(op.runtime, consent.formAction, {
      csrf: consent.csrf,
      action: 'consent',
      decision: 'allow',
    });
    expect(allowed.status).toBe(303);
    const redirect = new URL(allowed.headers.get('location')!);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT_URI);
    expect(redirect.searchParams.get('state')).toBe('state-1');
    const code = redirect.searchParams.get('code')!;

    const token = await op.runtime.handle(
      new Request(`${tenant.issuer}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${tenant.clientId}:${tenant.clientSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT_URI,
          code_verifier: CODE_VERIFIER,
        }),
      }),
      '127.0.0.1',
    );
    expect(token!.status).toBe(200);
    const body = (await token!.json()) as { id_token?: string; access_token?: string };
    expect(body.id_token).toBeTypeOf('string');
    expect(body.access_token).toBeTypeOf('string');
  });

  it('sends a wrong password back to the login page with error=invalid_credentials', async () => {
    const { browser, id, form } = await atLogin();
    const response = await login(browser, form, 'not the password');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      `${tenant.issuer}/interaction/${id}/login?error=invalid_credentials`,
    );
    expect(browser.cookie('tessera.session')).toBeUndefined();
  });

  it('sends throttled logins back with error=throttled once the account limit is reached', async () => {
    const strict = await createTenant(op.runtime, (settings) => {
      settings.loginLimits.perAccount.maxFailures = 1;
    });
    const browser = new Browser('198.51.100.9');
    const id = await startSignIn(op.runtime, browser, strict);
    const form = await formOf(op.runtime, browser, strict, id);
    await login(browser, form, 'wrong once');
    const response = await login(browser, form);
    expect(response.headers.get('location')).toBe(
      `${strict.issuer}/interaction/${id}/login?error=throttled`,
    );
  });

  it('sends access_denied to the client when the user denies consent', async () => {
    const { browser, id, form } = await atLogin({ prompt: 'consent' });
    await login(browser, form);
    const consent = await formOf(op.runtime, browser, tenant, id);
    const denied = await browser.post(op.runtime, consent.formAction, {
      csrf: consent.csrf,
      action: 'consent',
      decision: 'deny',
    });
    expect(denied.status).toBe(303);
    const redirect = new URL(denied.headers.get('location')!);
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    expect(redirect.searchParams.get('state')).toBe('state-1');
  });

  it('refuses a post from another origin with 403 and a friendly page', async () => {
    const { browser, form } = await atLogin();
    const response = await browser.post(
      op.runtime,
      form.formAction,
      { csrf: form.csrf, action: 'login', login: 'ada', password: PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('role="alert"');
    expect(browser.cookie('tessera.session')).toBeUndefined();
  });

  it('accepts a post without an Origin header when the CSRF token is right', async () => {
    const { browser, form } = await atLogin();
    const response = await browser.send(op.runtime, form.formAction, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        csrf: form.csrf,
        action: 'login',
        login: 'ada',
        password: PASSWORD,
      }),
    });
    expect(response.status).toBe(303);
  });

  it('refuses a missing, wrong or repeated CSRF token with 403', async () => {
    const { browser, form } = await atLogin();
    const attempts: Record<string, string>[] = [
      { action: 'login' },
      { csrf: 'A'.repeat(43), action: 'login' },
      { csrf: form.csrf.slice(1), action: 'login' },
    ];
    for (const fields of attempts) {
      const response = await browser.post(op.runtime, form.formAction, {
        ...fields,
        login: 'ada',
        password: PASSWORD,
      });
      expect(response.status).toBe(403);
    }
    const repeated = await browser.send(op.runtime, form.formAction, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: new URL(tenant.issuer).origin,
      },
      body: `csrf=${form.csrf}&csrf=${form.csrf}&action=login&login=ada&password=x`,
    });
    expect(repeated.status).toBe(403);
    expect(browser.cookie('tessera.session')).toBeUndefined();
  });

  it("refuses another browser's token for this browser's interaction with 403", async () => {
    const victim = await atLogin();
    const attacker = await atLogin();
    const response = await victim.browser.post(op.runtime, victim.form.formAction, {
      csrf: attacker.form.csrf,
      action: 'login',
      login: 'ada',
      password: PASSWORD,
    });
    expect(response.status).toBe(403);
  });

  it("answers 400 with the friendly page for another browser's interaction", async () => {
    const owner = await atLogin();
    const stranger = new Browser();
    await startSignIn(op.runtime, stranger, tenant);
    const response = await stranger.post(op.runtime, owner.form.formAction, {
      csrf: owner.form.csrf,
      action: 'login',
      login: 'ada',
      password: PASSWORD,
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('interaction_expired');
  });

  it('answers 400 when a completed interaction is submitted again', async () => {
    const { browser, form } = await atLogin({ prompt: 'consent' });
    await login(browser, form);
    const consent = await formOf(op.runtime, browser, tenant, form.id);
    const fields = { csrf: consent.csrf, action: 'consent', decision: 'allow' };
    expect((await browser.post(op.runtime, consent.formAction, fields)).status).toBe(303);
    // The binding cookie is gone now; a replay from a copy of the old cookies fails too.
    expect((await browser.post(op.runtime, consent.formAction, fields)).status).toBe(400);
  });

  it('sends a form of an earlier step to the page of the current step', async () => {
    const { browser, id, form } = await atLogin({ prompt: 'consent' });
    await login(browser, form);
    const again = await login(browser, form);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`${tenant.issuer}/interaction/${id}/consent`);
  });

  it('refuses an unknown action or decision with 400', async () => {
    const { browser, form } = await atLogin({ prompt: 'consent' });
    const unknown = await browser.post(op.runtime, form.formAction, {
      csrf: form.csrf,
      action: 'x',
    });
    expect(unknown.status).toBe(400);
    await login(browser, form);
    const consent = await formOf(op.runtime, browser, tenant, form.id);
    const odd = await browser.post(op.runtime, consent.formAction, {
      csrf: consent.csrf,
      action: 'consent',
      decision: 'maybe',
    });
    expect(odd.status).toBe(400);
  });

  it('refuses a body over the size limit with 413 and a non-form body with 415', async () => {
    const { browser, form } = await atLogin();
    const large = await browser.post(op.runtime, form.formAction, {
      csrf: form.csrf,
      action: 'login',
      login: 'ada',
      password: 'x'.repeat(MAX_FORM_BYTES),
    });
    expect(large.status).toBe(413);
    const json = await browser.send(op.runtime, form.formAction, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: new URL(tenant.issuer).origin },
      body: JSON.stringify({ csrf: form.csrf, action: 'login' }),
    });
    expect(json.status).toBe(415);
  });

  it('prefills the login page with login_hint and speaks the language of ui_locales', async () => {
    const browser = new Browser();
    const id = await startSignIn(op.runtime, browser, tenant, {
      login_hint: 'ada@example.com',
      ui_locales: 'de-CH en',
    });
    const view = await pageFor(op.runtime, browser, tenant, id, 'en-US');
    expect(view.locale).toBe('de');
    expect(view.interaction).toMatchObject({ prompt: 'login', loginHint: 'ada@example.com' });
  });

  it("shows an expired page for an unknown interaction or another browser's", async () => {
    const owner = await atLogin();
    const stranger = new Browser();
    expect((await pageFor(op.runtime, stranger, tenant, owner.id)).interaction).toBe('expired');
    expect((await pageFor(op.runtime, owner.browser, tenant, 'unknown-id')).interaction).toBe(
      'expired',
    );
  });

  it('ends the session on a confirmed logout and keeps it on cancel', async () => {
    for (const decision of ['cancel', 'logout'] as const) {
      const { browser, form } = await atLogin({ prompt: 'consent' });
      await login(browser, form);
      const consent = await formOf(op.runtime, browser, tenant, form.id);
      await browser.post(op.runtime, consent.formAction, {
        csrf: consent.csrf,
        action: 'consent',
        decision: 'allow',
      });
      const start = await browser.send(op.runtime, `${tenant.issuer}/logout`);
      const logoutId = /\/interaction\/([^/]+)\/logout$/.exec(start.headers.get('location')!)![1]!;
      const page = await formOf(op.runtime, browser, tenant, logoutId);
      expect(page.prompt).toBe('logout');
      const response = await browser.post(op.runtime, page.formAction, {
        csrf: page.csrf,
        action: 'logout',
        decision,
      });
      if (decision === 'logout') {
        expect(response.status).toBe(303);
        expect(response.headers.get('location')).toBe(`${tenant.issuer}/logged-out`);
        expect(browser.cookie('tessera.session')).toBeUndefined();
      } else {
        // Without a post_logout_redirect_uri the core answers with its "still signed in" page.
        expect(response.status).toBe(200);
        expect(browser.cookie('tessera.session')).toBeDefined();
      }
    }
  });
});
