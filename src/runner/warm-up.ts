import { createGcMeter } from '../gc/gc-meter.js';
import { createPoolGcTally, gcShare } from '../gc/gc-totals.js';
import { assertCloneable } from '../pool/cloneable.js';
import type { WarmupReport } from '../results/warmup-schema.js';
import { coldStartCost, steadyMedianOf } from '../stats/cold-start.js';
import { median } from '../stats/summary.js';
import { createWarmup, type ThreadWork, type WarmupOptions, type WarmupStatus } from '../stats/warmup.js';
import { strategyNamed, type BatchTracer, type PreparedStrategy } from '../strategies/index.js';

/**
 * One warm-up batch's figures: its wall time, the main thread's GC in it, the pool threads' GC totals after it, and
 * the used heap at its end on the main thread and (the largest any pool thread reported) on the pool.
 */
interface BatchFigures {
  wallMs: number;
  mainGcMs: number;
  workerGcMark: ReadonlyMap<number, number>;
  mainHeapBytes: number;
  workerHeapBytes: number | undefined;
}

/** One cell's warm-up, a batch at a time. */
interface CellWarmer {
  /** Runs one warm-up batch; true once the cell is steady or capped. */
  step(): Promise<boolean>;
  report(): WarmupReport;
}

/**
 * Warms one cell until its batch times are steady (stats/warmup.ts decides: a minimum of time and of task
 * executions on every thread, then a test for no trend, capped). Warm-up batches run traced, which costs nothing
 * that counts (they are untimed) and says which thread ran each task: so every pool thread is held to the
 * minimum, each thread's first tasks give the cold-start cost of a fresh worker, and the steady window gives the
 * share of time the main thread and the pool threads spent collecting garbage.
 */
export function cellWarmer(
  cell: { strategy: PreparedStrategy; name: string; threads: number },
  tasks: number,
  options: WarmupOptions,
): CellWarmer {
  const threads = strategyNamed(cell.name).usesThreads ? cell.threads : 1;
  const warmup = createWarmup({ ...options, threads });
  const batchTasks = warmupBatchTasks(tasks, threads);
  const perThreadMs = new Map<number, number[]>();
  const workerGc = createPoolGcTally();
  const figures: BatchFigures[] = [];
  // The cell's own clock: the time its own batches took, so its minimum and its cap count its warming alone.
  let ownMs = 0;
  return {
    async step() {
      const batchThreads = new Map<number, ThreadWork>();
      let workerHeapBytes: number | undefined;
      const tracer: BatchTracer = {
        readsGc: true,
        onMain: () => undefined,
        onWorker: (_index, threadId, _dispatchUs, { startUs, endUs, gcTotalMs, heapUsedBytes }) => {
          const taskMs = (endUs - startUs) / 1000;
          const work = batchThreads.get(threadId) ?? { tasks: 0, busyMs: 0 };
          batchThreads.set(threadId, { tasks: work.tasks + 1, busyMs: work.busyMs + taskMs });
          const durations = perThreadMs.get(threadId) ?? [];
          durations.push(taskMs);
          perThreadMs.set(threadId, durations);
          if (gcTotalMs !== undefined) workerGc.see({ threadId, gcMs: gcTotalMs });
          if (heapUsedBytes !== undefined) workerHeapBytes = Math.max(workerHeapBytes ?? 0, heapUsedBytes);
        },
      };
      // The first batch is a whole one, as the timed batches are: a task that fails fails it as it would fail them.
      const size = figures.length === 0 ? tasks : batchTasks;
      const meter = createGcMeter();
      meter.start();
      const results = await cell.strategy.runBatch(size, tracer);
      // The meter's window is the batch: its clock is the batch's wall time, its heap the main thread's at the end.
      const { wallMs, gcMs: mainGcMs, heapUsedStopBytes: mainHeapBytes } = await meter.stop();
      // Results must be able to cross threads under every strategy (the Workload contract).
      if (figures.length === 0) assertCloneable(results);
      figures.push({ wallMs, mainGcMs, workerGcMark: workerGc.mark(), mainHeapBytes, workerHeapBytes });
      ownMs += wallMs;
      // The steady-state series is in warm-up batches: the whole first batch is scaled to their size.
      warmup.record((wallMs * batchTasks) / size, size, ownMs, threads > 1 ? batchThreads : undefined);
      return warmup.done().done;
    },
    report: () => {
      // The window's pool GC runs from the mark taken after the batch before it.
      const before = figures.at(-options.window - 1)?.workerGcMark ?? new Map<number, number>();
      const pool = workerGc.mark().size > 0 ? workerGc.since(before).gcMs : undefined;
      return { ...report(warmup.done(), figures.slice(-options.window), pool, perThreadMs, threads), ms: ownMs };
    },
  };
}

/**
 * Warm-up batches are a quarter of the timed batch (at least two tasks per thread): the JIT warms per task run, not
 * per batch, and the steady-state test needs a window of batches; with a library's heavy batch (32 renders, a
 * quarter of a second) a window of whole batches would cost seconds per cell in every process.
 */
function warmupBatchTasks(tasks: number, threads: number): number {
  return Math.min(tasks, Math.max(2 * threads, Math.ceil(tasks / 4)));
}

/** The steady window's GC shares and largest used heaps, each pool thread's cold start, the controller's verdict. */
function report(
  status: WarmupStatus,
  window: readonly BatchFigures[],
  workerGcMs: number | undefined,
  perThreadMs: ReadonlyMap<number, readonly number[]>,
  threads: number,
): Omit<WarmupReport, 'ms'> {
  const wallMs = window.reduce((total, batch) => total + batch.wallMs, 0);
  const mainGcMs = window.reduce((total, batch) => total + batch.mainGcMs, 0);
  const workerHeaps = window.flatMap((batch) => (batch.workerHeapBytes !== undefined ? [batch.workerHeapBytes] : []));
  const costs = [...perThreadMs.values()]
    .filter((durations) => durations.length >= 2)
    .map((durations) => coldStartCost(durations, Math.max(steadyMedianOf(durations), Number.EPSILON)));
  return {
    batches: status.batches,
    steady: status.steady,
    reason: status.reason,
    trendPct: status.verdict.trendRel * 100,
    gc: {
      mainPct: gcShare(mainGcMs, wallMs) * 100,
      ...(workerGcMs !== undefined ? { workersPct: gcShare(workerGcMs, wallMs, threads) * 100 } : {}),
    },
    heap: {
      mainBytes: Math.max(...window.map((batch) => batch.mainHeapBytes)),
      ...(workerHeaps.length > 0 ? { workersBytes: Math.max(...workerHeaps) } : {}),
    },
    ...(costs.length > 0
      ? {
          coldStart: {
            excessMs: median(costs.map((cost) => cost.excessMs)),
            tasksUntilSteady: median(costs.map((cost) => cost.tasksUntilSteady)),
            threads: costs.length,
          },
        }
      : {}),
  };
}
