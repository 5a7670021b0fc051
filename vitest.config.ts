import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser and build tests share one built site; they set up in globalSetup-free files.
    testTimeout: 30_000,
    hookTimeout: 300_000,
    // Builds the site once for test/site (or reuses SITE_DIR); skipped when no site test runs.
    globalSetup: ['test/site/global-setup.ts'],
  },
});
