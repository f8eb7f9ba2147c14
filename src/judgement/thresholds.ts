/**
 * Every threshold and margin a verdict of corescope rests on, in one place (issue 11). A verdict word is read off
 * an interval against a margin (judge.ts); the few figures without an interval (a share of time busy, cores
 * busy) are read against the thresholds below, each with the reason for its value.
 */

/**
 * The margin of practical equivalence, as a fraction: a ratio (a speedup, or head / base in `compare`) counts as a
 * gain or a loss only when its whole interval lies beyond 1 ± margin, and as "same" only when its whole interval
 * lies within it. It is also `compare --threshold`'s default.
 *
 * Provisional: 3 %. Why, from what the project has measured so far:
 * - It must sit above the +2 % change the self-check (benchmarks/self-check) must leave unflagged, with room for
 *   the interval: at the quick profile's target precision (±3 % per cell, so about ±4.2 % on a ratio of two
 *   cells) a true +2 % clears a 3 % margin with the whole interval well under 1 % of the time.
 * - It must leave room under +10 % for that interval: a true +10 % sits 7 % past a 3 % margin, 1.7 half-widths at
 *   that precision, so it is flagged about 9 times in 10; a 5 % margin (compare's old threshold) would leave 5 %,
 *   1.2 half-widths, and catch it about 2 times in 3.
 * - A/A drift between runs that the between-process interval does not carry must stay inside it. The only A/A
 *   pair the project holds (results/reference/aa/dev-2core-quick-{1,2}.json, measuring engine of schemaVersion 1:
 *   one process, 5 samples) moved its steady cells (CV ≤ 3 %) by −1.0 … +4.1 %, within the noise of 5 samples
 *   (about ±4.7 % at 95 % on a ratio at CV 3 %), so it neither shows nor rules out a drift floor.
 * TODO(lead): replace the last point with the measured A/A spread of the new engine on a quiet machine (the
 * self-check's A/A pairs: the 95th percentile of |head / base − 1| over cells must sit below this margin), and
 * move the margin if it does not.
 */
export const DEFAULT_MARGIN = 0.03;

/** Confidence of every interval a verdict of `run`, `report` and `classify` is read from (the engine's CI95). */
export const VERDICT_CONFIDENCE = 0.95;

/** `compare`'s false-discovery rate (Benjamini–Hochberg) over the benchmarks of one comparison. */
export const DEFAULT_ALPHA = 0.05;

/**
 * Power at which the minimum detectable change is stated: the smallest true change a comparison of this noise and
 * size flags 4 times in 5 (the conventional 80 % of power analyses).
 */
export const DETECTION_POWER = 0.8;

/**
 * Past this many times the samples, "run longer" stops being advice: the estimate sits so close to the margin that
 * no practical run decides it (a 12 s budget would become more than 20 minutes).
 */
export const MAX_SAMPLES_FACTOR = 100;

/**
 * Run one at a time, a main thread busier than this is computing, not waiting: under a quarter of its time is left
 * for waits to overlap, so at most 1 / 0.75 ≈ 1.33× could come from overlapping them.
 */
export const CPU_BOUND_BUSY = 0.75;

/** Run concurrently, a main thread busier than this has run out of waiting to hide its computing behind. */
export const COMPUTE_BOTTLENECK_BUSY = 0.5;

/**
 * A concurrent cell keeping more cores than this busy had threads besides its one event loop at work (libuv's
 * pool): one event loop keeps at most 1 core busy, and GC and the JIT's helper threads add up to about a quarter
 * more on their own.
 */
export const BUSY_BEYOND_ONE_LOOP = 1.3;

/** Demo agents this much slower than their calibration a moment before: other work held the cores. */
export const BUSY_MACHINE_FACTOR = 1.5;
