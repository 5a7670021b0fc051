import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser and build tests share one built site; they set up in globalSetup-free files.
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
