import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The clock is injected everywhere; a slow machine must not fail a test by timing.
    testTimeout: 60_000,
    hookTimeout: 240_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/browser/**'],
        },
      },
      {
        // Black-box over HTTP against the production build (built first when missing or stale).
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        // The console in Debian's Chromium (playwright-core) against the production builds.
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/browser-setup.ts'],
        },
      },
    ],
  },
});
