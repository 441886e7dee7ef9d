/**
 * The browser suite's Chromium: Debian's build driven by playwright-core (nothing downloaded),
 * one browser per test file, a fresh context (cookies, storage) per test, screenshots saved as
 * artefacts under apps/web/test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { CHROMIUM_PATH } from './chromium-path';

export const SCREENSHOT_DIR = fileURLToPath(
  new URL('../../test-results/screenshots/', import.meta.url),
);

/** Laptop and phone viewports; screens are checked (and pictured) at both. */
export const LAPTOP = { width: 1366, height: 860 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export interface ConsoleBrowser {
  /** A page in a new context (no cookies); closed after the test. */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
}

/** @example const chromiumBrowser = useChromium(); const page = await chromiumBrowser.newPage(); */
export function useChromium(): ConsoleBrowser {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async newPage(options = {}) {
      if (!browser) throw new Error('Chromium is not started before beforeAll ran');
      const context = await browser.newContext({
        viewport: options.viewport ?? LAPTOP,
        locale: 'en-GB',
        timezoneId: 'UTC',
        reducedMotion: 'reduce',
      });
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      return page;
    },
  };
}

/** Saves a full-page PNG named `<name>.png` (prefixed by the database kind) and returns its path. */
export async function screenshot(page: Page, name: string, database: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${database}-${name}.png`;
  // Nothing may still be loading in a picture of a screen.
  await settled(page);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/** Waits until nothing on the page is loading (no `aria-busy="true"` left). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
}
