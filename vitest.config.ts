import { defineConfig } from 'vitest/config';

/**
 * Two projects, both run by `npm test`:
 * - `unit`: logic, real I/O and real pools, asserting what ran and what came back, never how long it took.
 * - `timed`: the few tests whose claim is a duration or a ratio of durations (`*.timed.test.ts`), with one-sided
 *   bounds well inside what an idle 2-core machine gives. They run after `unit`, by themselves.
 * Files run one at a time (fileParallelism: false) in both: tests share two cores, and a timed test must not
 * measure another test's work.
 */
const TIMED = 'test/**/*.timed.test.ts';

export default defineConfig({
  test: {
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [TIMED], sequence: { groupOrder: 0 } },
      },
      { extends: true, test: { name: 'timed', include: [TIMED], sequence: { groupOrder: 1 } } },
    ],
  },
});
