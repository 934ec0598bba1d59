import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The browser tier needs Debian's chromium: `npm run test:browser` (vitest.browser.config.ts).
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    setupFiles: ['test/setup.ts'],
    // Integration tests start dynalite and loopback servers; CDK synthesis bundles with esbuild.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
