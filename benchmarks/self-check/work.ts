import { defineWorkload } from '../../src/workload.js';
import { spin } from '../cpu-spin.js';
import { WORK_FACTOR_ENV } from './work-factor.js';

/**
 * The self-check's workload (compare-power.ts): a fixed number of integer-loop iterations per task, times a work
 * factor read from CORESCOPE_SELF_CHECK_WORK (default 1). The id and size stay the same whatever the factor, so
 * `compare` lines a "slower" run up with a normal one exactly as it would a real regression: 1.10 is 10 % more work
 * in every task, in every strategy. A fixed count, not a calibrated time, so that two runs of the same factor do
 * the same work (cpu-spin's calibration would differ between runs by its own noise).
 */

const ITERATIONS_PER_SIZE = 100_000;

function workFactor(): number {
  const text = process.env[WORK_FACTOR_ENV] ?? '1';
  const factor = Number(text);
  if (!(factor > 0 && Number.isFinite(factor)))
    throw new Error(`${WORK_FACTOR_ENV}: "${text}" is not a positive number`);
  return factor;
}

/** The workload at `factor` times the work: the same id and size whatever the factor, as a real regression keeps. */
export function workOf(factor: number) {
  return defineWorkload<undefined, number>({
    id: 'self-check-work',
    kind: 'cpu',
    description: `integer loop of size × ${ITERATIONS_PER_SIZE} iterations × ${factor} (the self-check's planted slowdown)`,
    defaultSize: 20,
    defaultTasks: 8,
    task: ({ size }) => spin(Math.max(1, Math.round(size * ITERATIONS_PER_SIZE * factor))),
  });
}

export default workOf(workFactor());
