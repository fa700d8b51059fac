import { defineConfig } from 'vitest/config';

/** `npm run bench`: each file prints a table; nothing here passes or fails on time. */
export default defineConfig({
  test: {
    include: ['test/bench/**/*.bench.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
