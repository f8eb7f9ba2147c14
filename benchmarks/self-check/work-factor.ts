/** The environment variable the self-check workload (work.ts) reads its work factor from: 1.10 = 10 % more work. */
export const WORK_FACTOR_ENV = 'CORESCOPE_SELF_CHECK_WORK';
