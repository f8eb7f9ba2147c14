import { formatMs, formatPercent, formatRatePerS, formatRatio, formatThreads } from '../format/numbers.js';
import { judgeSpeedup, judgeTimeChange, type RatioInterval } from '../judgement/judge.js';
import type { ServePoint, ServeSeries, Spread } from '../results/serve-schema.js';

/**
 * The plain verdict of a serve study: inline against the pool, in figures measured in this run, each with its
 * spread over repeats. Words come from the one judgement rule (judgement/judge.ts) on the ratio's range.
 */

/** A capacity or latency ratio within ±15 % is "the same" here: one load point is noisier than a batch timing. */
export const SERVE_MARGIN = 0.15;
/** An event loop busy this share of the time or more is computing, not waiting (an idle server's is near 0). */
export const BLOCKED_LOOP_UTILIZATION = 0.2;

function spreadText(spread: Spread, format: (value: number) => string): string {
  if (spread.n < 2) return `${format(spread.median)} (1 repeat, no spread)`;
  return `${format(spread.median)} (${format(spread.min)}–${format(spread.max)} over ${spread.n} repeats)`;
}

/** A figure and its range in brackets, for the readings quoted beside the main ones: "69 % (66 %–71 %)". */
function shortSpread(spread: Spread, format: (value: number) => string): string {
  return spread.n < 2
    ? format(spread.median)
    : `${format(spread.median)} (${format(spread.min)}–${format(spread.max)})`;
}

/** a / b with the range from the extremes of each: wide, but it holds whatever repeat paired with which. */
export function ratioOfSpreads(a: Spread, b: Spread): RatioInterval | undefined {
  if (!(b.median > 0 && b.min > 0 && a.min >= 0)) return undefined;
  return { estimate: a.median / b.median, low: a.min / b.max, high: a.max / b.min };
}

function ratioText(interval: RatioInterval): string {
  return `${formatRatio(interval.estimate)} (${formatRatio(interval.low)}–${formatRatio(interval.high)})`;
}

function pickInline(series: readonly ServeSeries[]): ServeSeries | undefined {
  return series.find((s) => s.strategy === 'concurrent') ?? series.find((s) => s.strategy === 'sequential');
}

function pickPool(series: readonly ServeSeries[]): ServeSeries | undefined {
  const pools = series.filter((s) => s.strategy === 'parallel');
  const candidates = pools.length > 0 ? pools : series.filter((s) => s.strategy === 'hybrid');
  return [...candidates].sort((a, b) => b.threads - a.threads)[0];
}

function label(series: ServeSeries): string {
  if (series.strategy === 'parallel') return `pool of ${formatThreads(series.threads)}`;
  if (series.strategy === 'hybrid') return `hybrid on ${formatThreads(series.threads)}`;
  return `inline ${series.strategy}`;
}

function capacityText(series: ServeSeries): string {
  if (series.capacityPerS === null) return 'not measured';
  const saturated = series.knees.some((knee) => knee.saturated);
  const text = spreadText(series.capacityPerS, formatRatePerS);
  return saturated ? text : `at least ${text} (never saturated in the sweep)`;
}

/** The offered rate the latency comparison is read at: the one nearest half of inline's measured capacity. */
export function referencePoint(inline: ServeSeries): ServePoint | undefined {
  const halfPerS = (inline.capacityPerS?.median ?? 0) / 2;
  const measured = inline.points.filter((point) => point.summary !== null);
  return [...measured].sort(
    (a, b) => Math.abs(a.offeredPerS - halfPerS) - Math.abs(b.offeredPerS - halfPerS) || a.offeredPerS - b.offeredPerS,
  )[0];
}

export function serveVerdict(series: readonly ServeSeries[]): string[] {
  const lines = series.map((s) => `${label(s)}: /compute capacity ${capacityText(s)}.`);
  const inline = pickInline(series);
  const pool = pickPool(series);
  if (inline === undefined || pool === undefined) return lines;
  const point = referencePoint(inline);
  const poolPoint = pool.points.find((candidate) => candidate.offeredPerS === point?.offeredPerS);
  if (
    point?.summary == null ||
    poolPoint?.summary == null ||
    inline.capacityPerS === null ||
    pool.capacityPerS === null
  )
    return lines;
  const inlineHealth = point.summary.healthP99Ms;
  const poolHealth = poolPoint.summary.healthP99Ms;
  const healthRatio = ratioOfSpreads(inlineHealth, poolHealth);
  const capacityRatio = ratioOfSpreads(pool.capacityPerS, inline.capacityPerS);
  if (healthRatio === undefined || capacityRatio === undefined) return lines;
  const health = judgeTimeChange(healthRatio, SERVE_MARGIN);
  const capacity = judgeSpeedup(capacityRatio, SERVE_MARGIN);
  // The cause "waits behind the computing" is named only when the server's own readings show it: its event loop
  // busy for a good share of the time, blocked longer than the pool's ever was.
  const inlineLoop = point.summary;
  const poolLoop = poolPoint.summary;
  const loopRatio = ratioOfSpreads(inlineLoop.eventLoopDelayMaxMs, poolLoop.eventLoopDelayMaxMs);
  const loopBlocked =
    loopRatio !== undefined &&
    judgeTimeChange(loopRatio, SERVE_MARGIN).word === 'slower' &&
    inlineLoop.eventLoopUtilization.min >= BLOCKED_LOOP_UTILIZATION;
  const at = formatRatePerS(point.offeredPerS);
  const inlineText = `${label(inline)}: /health p99 ${spreadText(inlineHealth, formatMs)} at ${at}`;
  const poolText = `${label(pool)}: /health p99 ${spreadText(poolHealth, formatMs)}`;
  const healthGapMs = Math.abs(inlineHealth.median - poolHealth.median);
  const busy = (loop: typeof inlineLoop): string => shortSpread(loop.eventLoopUtilization, formatPercent);
  const blocked = (loop: typeof inlineLoop): string => shortSpread(loop.eventLoopDelayMaxMs, formatMs);
  const loopText =
    loopRatio === undefined
      ? ''
      : `; event loop busy ${busy(inlineLoop)} of the time inline, blocked up to ${blocked(inlineLoop)}; with the ` +
        `pool ${busy(poolLoop)}, up to ${blocked(poolLoop)}`;
  if (capacity.word === 'gain' || (health.word === 'slower' && loopBlocked)) {
    lines.push(
      `${inlineText}${loopBlocked ? ', every request waits behind the computing' : ''}; ${poolText} ` +
        `(inline / pool ${ratioText(healthRatio)}: ${health.word})${loopText}; /compute capacity of the pool ` +
        `${ratioText(capacityRatio)} inline (${capacity.word}).`,
    );
  } else if (capacity.word === 'same' || capacity.word === 'slower') {
    const unexplained =
      health.word === 'slower' && !loopBlocked
        ? ' The /health gap is not matched by a busy event loop: it is noise from the machine, not the work.'
        : '';
    lines.push(
      `Concurrency suffices: ${inlineText}; ${poolText} (${formatMs(healthGapMs)} apart)${loopText}; /compute ` +
        `capacity of the pool ${ratioText(capacityRatio)} inline (${capacity.word}). Waiting on the event loop ` +
        `costs the other requests nothing, and a pool buys nothing for it.${unexplained}`,
    );
  } else {
    lines.push(
      `${inlineText}; ${poolText} (inline / pool ${ratioText(healthRatio)}: ${health.word})${loopText}; /compute ` +
        `capacity ${ratioText(capacityRatio)} inline (${capacity.word}).`,
    );
  }
  return lines;
}
