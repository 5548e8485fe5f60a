import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: the built renderer (dist/renderer, built by `npm run test:e2e`)
// served on 127.0.0.1 by scripts/serve-renderer.mjs (globalSetup), driven by playwright-core in
// Debian's Chromium. One browser at a time: the machines have 2 cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/globalSetup.ts'],
    fileParallelism: false,
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
