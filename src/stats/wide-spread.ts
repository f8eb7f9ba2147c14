/**
 * The design's "wide spread": a relative spread over 10 % is noise worth saying so. One home for every rule that
 * reads a spread against it: the warm-up window's noise allowance, a fresh thread's steady band, the first-sample
 * drift tolerance (issue 20's ≤ 1.10 target), and the machine probe's noisy-timing warning.
 */
export const WIDE_SPREAD_REL = 0.1;
