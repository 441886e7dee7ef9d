/**
 * The console's sign-in as a browser without JavaScript goes through it: `/signin` (next-auth's
 * CSRF cookie is set on the way), the sign-in form post, apps/op's admin login and consent
 * pages, next-auth's callback, and the console page it lands on.
 */
import { Browser, type Outcome, type Script } from '../../../op/test/support/browser';
import { formBody, readForms } from '../../../op/test/support/html-form';
import type { WebServer } from './web-server';

/** The name next-auth gives the session cookie on http origins. */
export const SESSION_COOKIE = 'next-auth.session-token';

export interface ConsoleSignIn {
  browser: Browser;
  outcome: Outcome;
}

/** @example const { browser, outcome } = await signInToConsole(web, { login, consent: 'allow' }); */
export async function signInToConsole(web: WebServer, script: Script): Promise<ConsoleSignIn> {
  // No URL belongs to a relying party here: the browser loads apps/web's pages too.
  const browser = new Browser([]);
  const page = await browser.walk(`${web.url}/signin`);
  if (page.kind !== 'page' || page.status !== 200) {
    throw new Error(`expected the sign-in page, got ${JSON.stringify(page).slice(0, 400)}`);
  }
  const form = readForms(page.body, page.url).find((candidate) =>
    new URL(candidate.action).pathname.startsWith('/api/auth/signin/'),
  );
  if (!form) throw new Error(`no sign-in form on ${page.url.href}: ${page.body.slice(0, 400)}`);
  const response = await browser.request(new URL(form.action), {
    method: 'POST',
    body: formBody(form),
  });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) {
    throw new Error(`sign-in post answered ${response.status}: ${await response.text()}`);
  }
  const outcome = await browser.walk(new URL(location, form.action), script);
  return { browser, outcome };
}

/** The Cookie header the browser sends to apps/web's API. */
export function consoleCookie(browser: Browser, web: WebServer): string | undefined {
  return browser.jar.headerFor(new URL(web.graphqlUrl));
}
