import { defineConfig } from 'vitest/config';

/**
 * Two projects, both run by `npm test`:
 * - `unit`: everything else: logic, real I/O, real pools and processes.
 * - `timed`: the few tests whose claim is a duration or a ratio of durations (`*.timed.test.ts`), with one-sided
 *   bounds well inside what an idle 2-core machine gives. They run after `unit`, by themselves (group orders 1
 *   and 2: vitest runs groups one after another, lowest first).
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
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [TIMED], sequence: { groupOrder: 1 } },
      },
      { extends: true, test: { name: 'timed', include: [TIMED], sequence: { groupOrder: 2 } } },
    ],
  },
});
