import { describe, expect, it } from 'vitest';
import { createUser } from '../../../op/test/support/fixtures';
import { alertText } from '../../../op/test/support/html-form';
import { consoleCookie, SESSION_COOKIE, signInToConsole } from '../support/console-session';
import { dataOf, graphql, outcomeOf } from '../support/graphql-client';
import { databases, OPERATOR_LOGIN, OPERATOR_PASSWORD, usePlatform } from '../support/platform';

const ME = 'query { me { kind name platformOperator } }';

describe.each(databases())('Console sign-in through the admin tenant on $name', (kind) => {
  const platform = usePlatform(kind);

  it('signs the platform operator in and authenticates API calls by the session cookie', async () => {
    const { browser, outcome } = await signInToConsole(platform.web, {
      login: { login: OPERATOR_LOGIN, password: OPERATOR_PASSWORD },
      consent: 'allow',
    });
    expect(outcome.kind).toBe('page');
    if (outcome.kind !== 'page') return;
    expect(outcome.url.origin).toBe(platform.web.url);
    expect(outcome.url.pathname).toBe('/');
    expect(outcome.status).toBe(200);
    expect(browser.jar.all().map((cookie) => cookie.name)).toContain(SESSION_COOKIE);

    const me = await graphql(
      platform.web,
      ME,
      {},
      { cookie: consoleCookie(browser, platform.web) },
    );
    expect(dataOf(me)).toEqual({
      me: { kind: 'operator', name: 'Administrator', platformOperator: true },
    });
  });

  it('refuses a user of the admin tenant who is not an operator (AccessDenied)', async () => {
    const bob = await createUser(platform.db, platform.adminTenantId, { login: 'bob' });
    const { browser, outcome } = await signInToConsole(platform.web, {
      login: { login: bob.login, password: bob.password },
      consent: 'allow',
    });
    expect(outcome.kind).toBe('page');
    if (outcome.kind !== 'page') return;
    expect(outcome.url.origin).toBe(platform.web.url);
    expect(outcome.url.pathname).toBe('/signin');
    expect(outcome.url.searchParams.get('error')).toBe('AccessDenied');
    expect(alertText(outcome.body)).toMatch(/not a Tessera operator/);
    expect(browser.jar.all().map((cookie) => cookie.name)).not.toContain(SESSION_COOKIE);
    const me = await graphql(
      platform.web,
      ME,
      {},
      { cookie: consoleCookie(browser, platform.web) },
    );
    expect(outcomeOf(me)).toBe('UNAUTHENTICATED');
  });

  it('shows the sign-in form without JavaScript and sets the CSRF cookie on the way', async () => {
    const response = await fetch(`${platform.web.url}/signin`, { redirect: 'manual' });
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location') ?? '', platform.web.url);
    expect(location.pathname).toBe('/api/auth/signin');
    const page = await fetch(`${platform.web.url}/signin?error=NoCookie`);
    expect(page.status).toBe(200);
    expect(alertText(await page.text())).toMatch(/cookie/i);
  });

  it('refuses a sign-in post without the CSRF token', async () => {
    const response = await fetch(`${platform.web.url}/api/auth/signin/tessera`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ callbackUrl: '/' }),
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '', platform.web.url);
    expect(location.origin).toBe(platform.web.url);
    expect(location.searchParams.get('csrf')).toBe('true');
  });
});
