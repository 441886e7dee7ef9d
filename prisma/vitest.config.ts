import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real databases, child processes and the WebAssembly schema engine: slower than unit tests.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
