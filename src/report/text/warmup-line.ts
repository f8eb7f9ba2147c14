import { gcCause } from '../../judgement/gc-cause.js';
import { coldStartCause } from '../../judgement/cold-start-cause.js';
import { formatBytes, formatMs, formatPercent, plural } from '../../format/numbers.js';
import type { Benchmark, OkBenchmark } from '../../results/schema.js';
import { plays } from '../../strategies/index.js';

type Warmed = OkBenchmark & { warmup: NonNullable<OkBenchmark['warmup']> };

function warmed(benchmarks: readonly Benchmark[]): Warmed[] {
  return benchmarks.filter(
    (benchmark): benchmark is Warmed => benchmark.status === 'ok' && benchmark.warmup !== undefined,
  );
}

/**
 * One line under a workload's table on what warm-up found: how many cells settled and how long that took, the share
 * of time spent collecting garbage on the main thread and on the pool threads, the largest used heaps, and what a
 * fresh pool thread's first tasks cost beyond its steady speed. Undefined when no cell was warmed (--warmup 0, or an
 * older file).
 */
export function warmupLine(benchmarks: readonly Benchmark[]): string | undefined {
  const cells = warmed(benchmarks);
  if (cells.length === 0) return undefined;
  const reports = cells.flatMap((cell) => cell.warmup.processes);
  const steady = cells.filter((cell) => cell.warmup.notSteady === 0).length;
  // A file may carry a cell's summary without its per-process reports: then there is no longest to give.
  const longest = reports.length > 0 ? ` (longest ${formatMs(Math.max(...reports.map((report) => report.ms)))})` : '';
  const parts = [`warm-up: ${steady} of ${plural(cells.length, 'cell')} steady in every process${longest}`];
  const main = cells.find((cell) => plays(cell.strategy, 'baseline'))?.warmup.gc.mainPct;
  const workers = cells.flatMap((cell) => (cell.warmup.gc.workersPct !== undefined ? [cell.warmup.gc.workersPct] : []));
  if (main !== undefined) {
    const pool = workers.length > 0 ? `, the pool threads ${formatPercent(Math.max(...workers) / 100)} at most` : '';
    parts.push(`GC took ${formatPercent(main / 100)} of the main thread's time${pool}`);
  }
  const heaps = cells.flatMap((cell) => (cell.warmup.heap !== undefined ? [cell.warmup.heap] : []));
  if (heaps.length > 0) {
    const pool = heaps.flatMap((heap) => (heap.workersBytes !== undefined ? [heap.workersBytes] : []));
    const onPool = pool.length > 0 ? `, ${formatBytes(Math.max(...pool))} on a pool thread` : '';
    parts.push(
      `used heap up to ${formatBytes(Math.max(...heaps.map((heap) => heap.mainBytes)))} on the main thread${onPool}`,
    );
  }
  const cold = cells.flatMap((cell) => (cell.warmup.coldStart !== undefined ? [cell.warmup.coldStart] : []));
  const worst = cold.sort((a, b) => b.excessMs - a.excessMs)[0];
  if (worst !== undefined && worst.excessMs > 0) {
    parts.push(
      `a fresh pool thread's first ${plural(Math.round(worst.tasksUntilSteady), 'task')} cost ` +
        `${formatMs(worst.excessMs)} beyond its steady speed`,
    );
  }
  return parts.join('; ');
}

/**
 * "; workers spent 31 % of their time collecting garbage, against 9 % on the main thread", when this run's own
 * figures show GC as a cause of a pool's shortfall (judgement/gc-cause.ts decides), else "".
 */
export function gcPhrase(cell: Benchmark, benchmarks: readonly Benchmark[]): string {
  if (cell.status !== 'ok' || cell.warmup?.gc.workersPct === undefined) return '';
  const main = warmed(benchmarks).find((candidate) => plays(candidate.strategy, 'baseline'))?.warmup.gc.mainPct;
  if (main === undefined) return '';
  const cause = gcCause({ mainShare: main / 100, workerShare: cell.warmup.gc.workersPct / 100 });
  return cause === undefined ? '' : `; ${cause}`;
}

/**
 * "; a fresh pool thread loses 266 ms to JIT warm-up over its first 26 tasks, …" when the cell's own cold start is
 * large against its batch (judgement/cold-start-cause.ts decides), else "".
 */
export function coldStartPhrase(cell: Benchmark): string {
  if (cell.status !== 'ok' || cell.warmup?.coldStart === undefined) return '';
  const cause = coldStartCause({ ...cell.warmup.coldStart, batchMs: cell.stats.median });
  return cause === undefined ? '' : `; ${cause}`;
}
