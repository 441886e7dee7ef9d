import { describe, expect, it } from 'vitest';
import { LAPTOP, PHONE, screenshot, useChromium } from '../support/chromium';
import { signInToConsole } from '../support/console-browser';
import { databases, OPERATOR_LOGIN, OPERATOR_PASSWORD, usePlatform } from '../support/platform';

describe.each(databases())('the console shell on $name', (kind) => {
  const platform = usePlatform(kind);
  const chromium = useChromium();

  it('sends a signed-out browser to sign in and back to the page it asked for', async () => {
    const page = await chromium.newPage();
    await signInToConsole(
      page,
      platform,
      { login: OPERATOR_LOGIN, password: OPERATOR_PASSWORD },
      '/audit',
    );
    expect(new URL(page.url()).pathname).toBe('/audit');
    await expect
      .poll(() => page.getByTestId('signed-in-as').textContent())
      .toMatch(/Platform operator/);
  });

  it('fits a phone without sideways scrolling', async () => {
    const page = await chromium.newPage({ viewport: PHONE });
    await signInToConsole(page, platform, { login: OPERATOR_LOGIN, password: OPERATOR_PASSWORD });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'home-phone', kind.name);
  });

  it('signs out and asks to sign in again', async () => {
    const page = await chromium.newPage({ viewport: LAPTOP });
    await signInToConsole(page, platform, { login: OPERATOR_LOGIN, password: OPERATOR_PASSWORD });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    await page.goto(`${platform.web.url}/`);
    expect(new URL(page.url()).pathname).toBe('/signin');
  });
});
