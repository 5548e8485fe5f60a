import { defineConfig } from 'vitest/config';

// Unit and integration tests. Real duckdb-wasm (Node blocking build) is shared per worker
// (see main/engine/testEngine.ts); instantiation costs ~2 s, so files run in a few forks.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['node_modules', 'dist', 'e2e'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { HOME: '/tmp/jsna-workbench-test-home' },
  },
});
