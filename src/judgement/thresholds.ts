import { WIDE_SPREAD_REL } from '../stats/wide-spread.js';

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
 * 3 %, from the self-checks on the idle 2-core development VM (results/reference/self-check-*.json):
 * - It sits above the +2 % change that must stay unflagged, with room for the interval: +2 % was flagged in 0 of
 *   10 `ab` runs and 0 of 10 separate quick-run comparisons, on both the sequential and the parallel cell.
 * - It leaves room under +10 % for the interval: +10 % was flagged in 10 of 10 `ab` runs on the sequential cell
 *   and 9 of 10 on the 2-thread parallel cell (10 of 10 sequential, 2 of 10 parallel for separate quick runs,
 *   whose parallel intervals are wider than the 7 % left past the margin). A 5 % margin would leave 5 %.
 * - A/A: 0 of 10 flagged either way. The point estimates of those A/A pairs moved by up to 1.8 % (once 5.1 %) on
 *   the sequential cell and up to 8 % on the parallel one: a rule on point estimates would need a margin of 6–8 %.
 *   The intervals carry that drift (they come from the spread between processes), so a 3 % margin on intervals
 *   stays free of false alarms where a 3 % threshold on point estimates would not.
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
 * no practical run decides it (an 8 s budget would become more than 13 minutes).
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

/**
 * The machine probe's timing noise (CV of one spin repeated) above which the whole machine is called noisy: the
 * design's rule that a spread over 10 % warns. The idle development VM reads 1 %; with two other test runs on its
 * 2 cores (load average 6), 30 %.
 */
export const NOISY_TIMING_CV_PCT = WIDE_SPREAD_REL * 100;

/**
 * A fresh pool thread's cold start (the time its first tasks take beyond its steady speed) is named in the
 * `parallel` verdict once it reaches this share of the cell's batch: a pool started for each batch would then lose at
 * least a fifth of its time to the JIT warming every new thread, which the warm pools measured here never show.
 */
export const COLD_START_BATCH_SHARE = 0.2;

/**
 * GC is named as a cause of a pool's shortfall only when the workers' GC share is at least this many points over
 * the main thread's on the same work, and this ratio of it: a clear difference, not two similar readings.
 */
export const GC_CAUSE_MIN_POINTS = 0.05;
export const GC_CAUSE_MIN_RATIO = 1.5;

/**
 * A measuring process is said to have shifted every cell of a workload alike only when it had at least this many
 * cells, every one of them moved the same way, and the median shift reached DEFAULT_MARGIN. With three cells, noise
 * alone moves all of them the same way in one process in 2 × ½³ = 25 % of cases (with five, 6 %), and by the margin
 * far less often. Over the development VM's default runs kept in results/reference/ it fired in noisy spells, mostly
 * on the crypto and fsync workloads, whose processes differ most, and never on the timer workload; a noisy run later
 * (drift 6.9 %) had the timer workload's first process 4 % slower in all five cells: the machine's timers, too.
 */
export const PROCESS_SHIFT_MIN_CELLS = 3;
