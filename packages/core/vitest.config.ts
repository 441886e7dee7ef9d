import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The clock is injected everywhere; a slow machine must not fail a test by timing.
    testTimeout: 20_000,
  },
});
