import type * as client from 'openid-client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../support/browser';
import { databases } from '../support/e2e-databases';
import {
  createTenant,
  createUser,
  type TenantFixture,
  type UserFixture,
} from '../support/fixtures';
import { useOp } from '../support/op-harness';
import {
  asUser,
  callbackOf,
  codeAuthorization,
  describeOutcome,
  loginWithCode,
  newBrowser,
  registerClient,
} from '../support/relying-party';

describe.each(databases())('Sessions, prompt and max_age (OIDC Core 3.1.2.1) on $name', (kind) => {
  const op = useOp(kind);
  let tenant: TenantFixture;
  let alice: UserFixture;
  let config: client.Configuration;

  beforeAll(async () => {
    tenant = await createTenant(op.db);
    alice = await createUser(op.db, tenant.id, { login: 'alice' });
    config = await registerClient(op.server.issuer(tenant.slug));
  });

  /** Interaction pages the browser loaded since `from` (an index into `visited`). */
  function pagesSince(browser: Browser, from: number): string[] {
    return browser.visited
      .slice(from)
      .filter((line) => line.startsWith('GET ') && line.includes('/interaction/'))
      .map((line) => line.slice(line.lastIndexOf('/') + 1));
  }

  it('answers prompt=none without a session with login_required at the redirect_uri', async () => {
    const { url, state } = await codeAuthorization(config, { prompt: 'none' });
    const browser = newBrowser();
    const callback = callbackOf(await browser.walk(url));
    expect(callback.searchParams.get('error')).toBe('login_required');
    expect(callback.searchParams.get('state')).toBe(state);
    expect(callback.searchParams.has('code')).toBe(false);
    expect(pagesSince(browser, 0)).toEqual([]);
  });

  it('issues a code without any page when the session and the remembered consent suffice', async () => {
    const browser = newBrowser();
    const first = await loginWithCode(config, browser, asUser(alice));
    const mark = browser.visited.length;
    const silent = await loginWithCode(config, browser, {}, { prompt: 'none' });
    expect(pagesSince(browser, mark)).toEqual([]);
    expect(silent.tokens.claims()?.sub).toBe(first.tokens.claims()?.sub);
    expect(silent.tokens.claims()?.sid).toBe(first.tokens.claims()?.sid);
    // Without prompt too: straight back to the RP.
    const again = await loginWithCode(config, browser, {});
    expect(again.tokens.claims()?.sid).toBe(first.tokens.claims()?.sid);
    expect(pagesSince(browser, mark)).toEqual([]);
  });

  it('shows the login page again for prompt=login despite a session', async () => {
    const browser = newBrowser();
    await loginWithCode(config, browser, asUser(alice));
    const mark = browser.visited.length;
    const { url } = await codeAuthorization(config, { prompt: 'login' });
    const outcome = await browser.walk(url);
    expect(outcome.kind === 'page' && outcome.page, describeOutcome(outcome)).toBe('login');
    expect(pagesSince(browser, mark)).toEqual(['login']);
  });

  it('shows the login page again for max_age=0 despite a session', async () => {
    const browser = newBrowser();
    await loginWithCode(config, browser, asUser(alice));
    const { url } = await codeAuthorization(config, { max_age: '0' });
    const outcome = await browser.walk(url);
    expect(outcome.kind === 'page' && outcome.page, describeOutcome(outcome)).toBe('login');
  });

  it('keeps auth_time for silent authorizations and moves it on after a new login', async () => {
    const browser = newBrowser();
    const first = await loginWithCode(config, browser, asUser(alice));
    const firstClaims = first.tokens.claims()!;
    // Ages the session by a minute (instead of waiting): auth_time must come from the session.
    const aged = (firstClaims.auth_time as number) - 60;
    await op.db.session.updateMany({
      where: { tenantId: tenant.id, id: firstClaims.sid as string },
      data: { authTime: new Date(aged * 1000) },
    });
    const silent = await loginWithCode(config, browser, {}, { prompt: 'none' });
    expect(silent.tokens.claims()?.auth_time).toBe(aged);
    const again = await loginWithCode(config, browser, asUser(alice), { max_age: '0' });
    expect(again.tokens.claims()?.auth_time).toBeGreaterThanOrEqual(
      firstClaims.auth_time as number,
    );
    expect(again.tokens.claims()?.auth_time).not.toBe(aged);
  });
});
