import { defineConfig } from 'vitest/config';

// `npm run test:browser`: the tier that drives Debian's chromium (test/browser/). Kept out of
// plain `npm test` so the README's quick start needs no system browser; CI installs chromium
// and runs this after `npm test`.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
