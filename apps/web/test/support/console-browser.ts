/**
 * Signing in to the console as a person does: /signin, the "Sign in with Tessera" button, the
 * admin tenant's login page on apps/op (and its consent page, if it asks), back to the console.
 */
import type { Page } from 'playwright-core';
import type { Platform } from './platform';

export interface Credentials {
  login: string;
  password: string;
}

/**
 * Fills a tenant login page on apps/op and answers its consent page when one follows; returns
 * once the browser has left apps/op, or the login page shows an error.
 */
export async function signInAtOp(page: Page, credentials: Credentials): Promise<void> {
  const opOrigin = new URL(page.url()).origin;
  await page.getByLabel('Email or username').fill(credentials.login);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const allow = page.locator('button[name="decision"][value="allow"]');
  const left = () => page.waitForURL((url) => url.origin !== opOrigin);
  const failed = page.locator('#login-error');
  await Promise.race([allow.waitFor(), left(), failed.waitFor()]).catch(() => undefined);
  if (await allow.isVisible()) {
    await allow.click();
    await left();
  }
}

/** @example await signInToConsole(page, platform, { login: OPERATOR_LOGIN, password: OPERATOR_PASSWORD }); */
export async function signInToConsole(
  page: Page,
  platform: Platform,
  credentials: Credentials,
  path = '/',
): Promise<void> {
  await page.goto(`${platform.web.url}${path}`);
  await page.waitForURL((url) => url.pathname === '/signin');
  await page.getByRole('button', { name: /sign in with/i }).click();
  await page.waitForURL((url) => url.origin === platform.op.publicUrl);
  await signInAtOp(page, credentials);
  await page
    .waitForURL((url) => url.origin === platform.web.url && url.pathname !== '/signin')
    .catch(async (error: unknown) => {
      const text = (
        await page
          .locator('main')
          .innerText()
          .catch(() => '')
      ).slice(0, 600);
      const warnings = platform.op
        .logs()
        .split('\n')
        .filter((line) => line.includes('"level":"warn"'));
      throw new Error(`console sign-in stopped at ${page.url()}: ${text}\n${warnings.join('\n')}`, {
        cause: error,
      });
    });
  await page.getByTestId('signed-in-as').filter({ hasText: /\S/ }).waitFor({ state: 'attached' });
}

/**
 * A relying party's code flow with the sign-in done in Chromium: the browser opens the
 * authorization URL, signs in at the tenant's login page, and its navigation to the RP's
 * callback (an address nothing serves) is answered here and returned.
 */
export async function authorizeInChromium(
  page: Page,
  authorizationUrl: URL,
  callbackPrefix: string,
  credentials: Credentials,
): Promise<URL> {
  let callback: URL | undefined;
  await page.route(`${callbackPrefix}**`, (route) => {
    callback = new URL(route.request().url());
    return route.fulfill({ status: 200, contentType: 'text/plain', body: 'signed in' });
  });
  await page.goto(authorizationUrl.href);
  await signInAtOp(page, credentials);
  await page.waitForURL((url) => url.href.startsWith(callbackPrefix));
  if (!callback) throw new Error(`the browser did not reach ${callbackPrefix}`);
  return callback;
}
