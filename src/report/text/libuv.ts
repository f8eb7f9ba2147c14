import { plays } from '../../strategies/index.js';
import { ratioOfIndependent } from '../../judgement/independent-ratio.js';
import { judgeSpeedup } from '../../judgement/judge.js';
import { BUSY_BEYOND_ONE_LOOP } from '../../judgement/thresholds.js';
import type { Benchmark, OkBenchmark, ResultFile } from '../../results/schema.js';
import { formatRatio } from '../../format/numbers.js';
import { groupBy } from '../data/group-by.js';
import { speedupInterval } from './judgement-text.js';
import { isMeasured, type Measured } from '../data/measured.js';
import { plural } from '../../format/numbers.js';
import { UV_THREADPOOL_DEFAULT } from '../../results/environment.js';

/**
 * Verdict lines on libuv's thread pool, read off the measurements. Async fs and crypto calls under Promise.all
 * run on libuv's threads, so `concurrent` can gain on CPU work and `cores busy` can pass 1 on a single event
 * loop. With a --uv-threadpool sweep, the speedup at each pool size says how much of the gain is those threads;
 * without one, a concurrent cell that kept more than one core busy is pointed out.
 */
export function libuvVerdictLines(result: Pick<ResultFile, 'benchmarks' | 'environment'>): string[] {
  const swept = result.benchmarks.filter((benchmark) => benchmark.uvThreadpoolSize !== undefined);
  if (swept.length === 0) return unsweptHints(result);
  const lines: string[] = [];
  for (const [workload, benchmarks] of groupBy(swept, (benchmark) => benchmark.workload.id)) {
    const concurrent = bySize(benchmarks, 'concurrent', (cells) => cells[0]);
    const parallel = bySize(benchmarks, 'parallel', (cells) =>
      cells.reduce((best, cell) => (cell.derived.speedup > best.derived.speedup ? cell : best)),
    );
    if (concurrent.length < 2 && parallel.length < 2) continue;
    const parts: string[] = [];
    if (concurrent.length >= 2) parts.push(`concurrent ${series(concurrent)} — ${concurrentWhy(concurrent)}`);
    if (parallel.length >= 2 && trend(parallel) === 'grows') {
      parts.push(
        `parallel at best ${series(parallel)} — its worker threads all queue on the one libuv pool of their process`,
      );
    }
    // A parallel line that does not grow with the pool says nothing about libuv: no verdict without a part.
    if (parts.length > 0) lines.push(`${workload} (libuv pool sweep): ${parts.join('; ')}`);
  }
  return lines;
}

/**
 * Why a concurrent cell gained, when libuv's threads are the likely reason: it kept more than one core busy from
 * its single event loop, which only other threads of the process can do. Undefined otherwise.
 */
export function libuvGainReason(concurrent: Pick<OkBenchmark, 'cpu'>): string | undefined {
  return concurrent.cpu.effectiveParallelism >= BUSY_BEYOND_ONE_LOOP
    ? `${concurrent.cpu.effectiveParallelism.toFixed(1)} cores busy on one event loop: libuv's thread pool ` +
        `ran the async calls in parallel`
    : undefined;
}

function unsweptHints({ benchmarks, environment }: Pick<ResultFile, 'benchmarks' | 'environment'>): string[] {
  return benchmarks
    .filter((benchmark): benchmark is Measured => isMeasured(benchmark) && plays(benchmark.strategy, 'loop'))
    .filter((benchmark) => benchmark.cpu.effectiveParallelism >= BUSY_BEYOND_ONE_LOOP)
    .map(
      (benchmark) =>
        `${benchmark.workload.id} (libuv): concurrent kept ` +
        `${benchmark.cpu.effectiveParallelism.toFixed(1)} cores busy from one event loop — ` +
        (`libuv's thread pool (${environment.uvThreadpoolSize} threads) ran its async calls in parallel, ` +
          `so part of the ${formatRatio(benchmark.derived.speedup)} `) +
        `is threads, not the event loop; --uv-threadpool 1,${environment.uvThreadpoolSize} measures how much`,
    );
}

function concurrentWhy(cells: Measured[]): string {
  switch (trend(cells)) {
    case 'grows':
      return (
        "the gain grows with libuv's pool: it comes from libuv's threads running the fs/crypto calls in " +
        'parallel, not from the event loop, which runs one callback at a time'
      );
    case 'same-gain':
      return "the same with every pool size: the gain is waiting overlapped on the event loop, not libuv's threads";
    case 'no-gain':
      return 'no gain with any pool size';
    case 'unclear':
      return (
        'too noisy to tell whether the pool size matters: the largest pool against the smallest is ' +
        'inconclusive at 95 %; a longer --max-time or a quieter machine narrows it'
      );
  }
}

/**
 * How speedup responds to the pool size, judged like every verdict (judgement/judge.ts): "grows" when the largest
 * pool's speedup over the smallest pool's is a gain (the two come from different processes, so their intervals
 * combine as independent); "same-gain" when that ratio is the same within the margin and every size gains;
 * "no-gain" when no size gains (each the same as sequential, or slower); anything else is unclear.
 */
function trend(cells: Measured[]): 'grows' | 'same-gain' | 'no-gain' | 'unclear' {
  const first = cells[0];
  const last = cells.at(-1);
  if (first === undefined || last === undefined) return 'unclear';
  const growth = judgeSpeedup(ratioOfIndependent(speedupInterval(last), speedupInterval(first))).word;
  const words = cells.map((cell) => judgeSpeedup(speedupInterval(cell)).word);
  if (growth === 'gain') return 'grows';
  if (growth === 'same' && words.every((word) => word === 'gain')) return 'same-gain';
  if (words.every((word) => word === 'same' || word === 'slower')) return 'no-gain';
  return 'unclear';
}

function series(cells: Measured[]): string {
  return cells
    .map(
      (cell) =>
        `${formatRatio(cell.derived.speedup)} with ` +
        `${plural(cell.uvThreadpoolSize ?? UV_THREADPOOL_DEFAULT, 'libuv thread')}`,
    )
    .join(', ');
}

/** One chosen cell of `strategy` per libuv pool size, smallest pool first. */
function bySize(
  benchmarks: Benchmark[],
  strategy: string,
  choose: (cells: [Measured, ...Measured[]]) => Measured,
): Measured[] {
  const cells = benchmarks.filter(
    (benchmark): benchmark is Measured =>
      isMeasured(benchmark) && benchmark.strategy === strategy && benchmark.uvThreadpoolSize !== undefined,
  );
  // Every cell has a size (filtered above), and every group at least one cell.
  return [...groupBy(cells, (cell) => cell.uvThreadpoolSize ?? 0)]
    .sort(([a], [b]) => a - b)
    .map(([, group]) => choose(group as [Measured, ...Measured[]]));
}
