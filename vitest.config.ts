import { defineConfig } from 'vitest/config';

// Timing tests share two cores: run files one at a time so they do not measure each other.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
