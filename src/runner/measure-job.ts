import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';
import { Bench } from 'tinybench';
import { serializeError, UsageError } from '../errors.js';
import { assertCloneable } from '../pool/cloneable.js';
import { strategyNamed, type PreparedStrategy } from '../strategies/index.js';
import { loadWorkload } from '../workload-source.js';
import type { Workload } from '../workload.js';
import { calibrateRepeats } from './calibrate.js';
import { cellFailureOf } from './cell-failure.js';
import type { CellJob, ChildMessage, MeasureJob, Phase, RoundPlan, SampleReading } from './protocol.js';
import { traceBatch } from './trace-sample.js';
import { startWatchdog, WATCHDOG_GRACE_MS } from './watchdog.js';

/** Generous budgets for steps whose length does not depend on the task: loading, setup, teardown. */
const FIXED_PHASE_MS = 60_000;
/** Slack on top of a batch's worst legitimate time, for scheduling and GC. */
const BATCH_GRACE_MS = 5_000;
/** Batches of more tasks than this are not traced: a picture of 10 000 bars says nothing, and the file stays small. */
const MAX_TRACED_TASKS = 1_000;

interface LiveCell {
  job: CellJob;
  strategy: PreparedStrategy;
  histogram: IntervalHistogram;
  /** Batches per sample; undefined until calibrated. */
  repeats: number | undefined;
}

export type Emit = (message: ChildMessage) => void;

export interface JobHooks {
  emit: Emit;
  stopRequested: () => boolean;
  /** Resolves when the supervisor has dealt with the round just reported (it may write the file meanwhile). */
  roundDone: (round: number) => Promise<void>;
}

/**
 * Measures one workload's cells in the current process: load, setup once, prepare every cell (pools start and
 * warm here), warm-up rounds, calibration of each cell's batches per sample (unless an earlier process did it),
 * then interleaved rounds in which every cell takes one sample, order rotated each round so drift hits all
 * cells alike. Readings stream out through `emit` as they are taken. Failures are reported per cell and never
 * thrown across the runner.
 */
export async function measureJob(job: MeasureJob, hooks: JobHooks): Promise<void> {
  const { emit, stopRequested } = hooks;
  const phase = (name: Phase, cellId: string | null, deadlineMs: number): void =>
    emit({ type: 'phase', phase: name, cellId, deadlineMs });

  phase('load', null, FIXED_PHASE_MS);
  let workload: Workload;
  try {
    workload = await loadWorkload(job.workloadUrl);
  } catch (error) {
    emit({ type: 'fatal', error: serializeError(error), usage: error instanceof UsageError });
    return;
  }
  const size = job.size ?? workload.defaultSize;
  const tasks = job.tasks ?? workload.defaultTasks ?? job.fallbackTasks;
  emit({ type: 'workload', id: workload.id, kind: workload.kind, size, tasks });

  phase('setup', null, FIXED_PHASE_MS);
  let data: unknown;
  try {
    data = await workload.setup?.({ size, tasks });
  } catch (error) {
    emit({ type: 'fatal', error: serializeError(error), usage: false });
    return;
  }
  emit({ type: 'setup-data', data });
  if (workload.criticalPathMs !== undefined) {
    try {
      const criticalPathMs = await workload.criticalPathMs({ data, size, tasks });
      if (Number.isFinite(criticalPathMs) && criticalPathMs >= 0)
        emit({ type: 'workload', id: workload.id, kind: workload.kind, size, tasks, criticalPathMs });
    } catch {
      // A floor is a nicety beside the figures; failing to state one must not cost the measurements.
    }
  }

  // A task stuck on this thread cannot be timed out from this thread: the watchdog sees every task start.
  const watchdog =
    job.watchdogFd !== undefined ? startWatchdog(job.taskTimeoutMs + WATCHDOG_GRACE_MS, job.watchdogFd) : undefined;
  const watched: Workload =
    watchdog === undefined ? workload : { ...workload, task: (input) => (watchdog.beat(), workload.task(input)) };
  const context = {
    workload: watched,
    workloadUrl: job.workloadUrl,
    data,
    size,
    taskTimeoutMs: job.taskTimeoutMs,
    tasks,
  };
  // The worst legitimate batch is `waves` back-to-back tasks, each allowed --task-timeout; a sample is k batches.
  const batchDeadlineMs = (cell: CellJob): number =>
    strategyNamed(cell.strategy).waves({
      tasks,
      threads: cell.threads,
      usableCores: job.usableCores,
      maxInFlight: job.maxInFlight,
    }) *
      job.taskTimeoutMs +
    BATCH_GRACE_MS;
  const sampleDeadlineMs = (cell: LiveCell, repeats = cell.repeats ?? 1): number => repeats * batchDeadlineMs(cell.job);
  const live: LiveCell[] = [];
  const fail = async (cell: LiveCell, error: unknown): Promise<void> => {
    emit({ type: 'cell-failed', cellId: cell.job.id, ...cellFailureOf(error) });
    await retire(live, cell);
  };

  try {
    for (const cell of job.cells) {
      phase('startup', cell.id, FIXED_PHASE_MS + job.taskTimeoutMs);
      const unsupported = strategyNamed(cell.strategy).unsupportedReason?.(workload);
      if (unsupported !== undefined) {
        emit({ type: 'cell-skipped', cellId: cell.id, reason: unsupported });
        continue;
      }
      try {
        const strategy = await strategyNamed(cell.strategy).prepare(context, {
          threads: cell.threads,
          ...(job.maxInFlight !== null ? { maxInFlight: job.maxInFlight } : {}),
          ...((cell.batch ?? job.batch) !== undefined ? { batch: cell.batch ?? job.batch } : {}),
          ...(job.workerMaxOldSpaceMb !== undefined ? { workerMaxOldSpaceMb: job.workerMaxOldSpaceMb } : {}),
        });
        emit({
          type: 'cell-ready',
          cellId: cell.id,
          startupMs: strategy.startupMs,
          ...(strategy.batching !== undefined ? { batching: strategy.batching } : {}),
        });
        live.push({ job: cell, strategy, histogram: monitorEventLoopDelay({ resolution: 5 }), repeats: cell.repeats });
      } catch (error) {
        emit({ type: 'cell-failed', cellId: cell.id, ...cellFailureOf(error) });
      }
    }

    watchdog?.arm();
    for (let round = 0; round < job.warmupRounds && !stopRequested(); round += 1) {
      for (const cell of [...live]) {
        phase('warmup', cell.job.id, sampleDeadlineMs(cell));
        try {
          // Results must be able to cross threads under every strategy (the Workload contract); warm-up is untimed.
          assertCloneable(await cell.strategy.runBatch(tasks));
          for (let repeat = 1; repeat < (cell.repeats ?? 1); repeat += 1) await cell.strategy.runBatch(tasks);
        } catch (error) {
          await fail(cell, error);
        }
      }
    }

    for (const cell of [...live]) {
      if (cell.repeats !== undefined || stopRequested()) continue;
      try {
        cell.repeats = await calibrateRepeats(async (repeats) => {
          phase('calibrate', cell.job.id, sampleDeadlineMs(cell, repeats));
          const startedAt = performance.now();
          for (let repeat = 0; repeat < repeats; repeat += 1) await cell.strategy.runBatch(tasks);
          return performance.now() - startedAt;
        }, job.minSampleMs);
        emit({ type: 'calibrated', cellId: cell.job.id, repeats: cell.repeats });
      } catch (error) {
        await fail(cell, error);
      }
    }

    const measuringSince = performance.now();
    let rounds = 0;
    for (
      let round = 0;
      live.length > 0 && wantsRound(job.rounds, round, performance.now() - measuringSince) && !stopRequested();
      round += 1
    ) {
      const due = rotate(live, round);
      const readings = await measureRound(
        due,
        tasks,
        (cell) => phase('sample', cell.job.id, sampleDeadlineMs(cell)),
        stopRequested,
      );
      for (const [cell, outcome] of readings) {
        if (outcome.kind === 'sample') emit({ type: 'sample', cellId: cell.job.id, round, reading: outcome.reading });
        else if (outcome.kind === 'failed') await fail(cell, outcome.error);
      }
      emit({ type: 'round-done', round });
      await hooks.roundDone(round);
      rounds = round + 1;
    }
    for (let sample = 0; sample < job.traceSamples && tasks <= MAX_TRACED_TASKS && !stopRequested(); sample += 1) {
      for (const cell of [...live]) {
        phase('trace', cell.job.id, sampleDeadlineMs(cell, 1));
        try {
          const capture = await traceBatch(cell.strategy, {
            cellId: cell.job.id,
            process: 0,
            round: rounds,
            sample,
            tasks,
          });
          emit({ type: 'trace', cellId: cell.job.id, capture });
        } catch (error) {
          await fail(cell, error);
        }
      }
    }
  } finally {
    await watchdog?.close();
    for (const cell of [...live]) await retire(live, cell);
    phase('teardown', null, FIXED_PHASE_MS);
    await workload.teardown?.(data);
  }
  emit({ type: 'done' });
}

/** Whether a process should take round `round` (0-based), having measured for `elapsedMs` so far. */
export function wantsRound(plan: RoundPlan, round: number, elapsedMs: number): boolean {
  if (plan.kind === 'fixed') return round < plan.count;
  if (round === 0) return true;
  return round < plan.maxRounds && elapsedMs < plan.limitMs && (round < plan.minRounds || elapsedMs < plan.sliceMs);
}

type Outcome = { kind: 'sample'; reading: SampleReading } | { kind: 'failed'; error: unknown } | { kind: 'skipped' };

/**
 * One sample of each due cell, timed by tinybench (one iteration each, no tinybench warm-up: ours ran already):
 * the cell's batch `repeats` times back to back. CPU time and event-loop figures are read in tinybench's
 * per-iteration hooks, just outside the timed call, and like the wall time divided by the repeats.
 */
async function measureRound(
  due: LiveCell[],
  tasks: number,
  beforeSample: (cell: LiveCell) => void,
  stopRequested: () => boolean,
): Promise<Map<LiveCell, Outcome>> {
  const abort = new AbortController();
  const bench = new Bench({
    iterations: 1,
    time: 0,
    warmup: false,
    retainSamples: true,
    throws: false,
    signal: abort.signal,
  });
  const readings = new Map<string, Omit<SampleReading, 'wallMs'>>();
  for (const cell of due) {
    const repeats = cell.repeats ?? 1;
    let cpuBefore = process.cpuUsage();
    let loopBefore = performance.eventLoopUtilization();
    bench.add(
      cell.job.id,
      async () => {
        for (let repeat = 0; repeat < repeats; repeat += 1) await cell.strategy.runBatch(tasks);
      },
      {
        async: true,
        beforeEach() {
          if (stopRequested()) abort.abort();
          beforeSample(cell);
          cell.histogram.enable();
          loopBefore = performance.eventLoopUtilization();
          cpuBefore = process.cpuUsage();
        },
        afterEach() {
          const cpu = process.cpuUsage(cpuBefore);
          const loop = performance.eventLoopUtilization(loopBefore);
          cell.histogram.disable();
          readings.set(cell.job.id, {
            cpuUserMs: cpu.user / 1000 / repeats,
            cpuSystemMs: cpu.system / 1000 / repeats,
            loopActiveMs: loop.active / repeats,
            loopIdleMs: loop.idle / repeats,
            delayP99Ms: cell.histogram.count > 0 ? cell.histogram.percentile(99) / 1e6 : 0,
          });
        },
      },
    );
  }
  await bench.run();

  const outcomes = new Map<LiveCell, Outcome>();
  for (const cell of due) {
    const result = bench.getTask(cell.job.id)?.result;
    const totalMs = result !== undefined && 'latency' in result ? result.latency.samples?.[0] : undefined;
    const reading = readings.get(cell.job.id);
    if (result?.state === 'errored') outcomes.set(cell, { kind: 'failed', error: result.error });
    else if (totalMs !== undefined && reading !== undefined)
      outcomes.set(cell, { kind: 'sample', reading: { wallMs: totalMs / (cell.repeats ?? 1), ...reading } });
    else outcomes.set(cell, { kind: 'skipped' });
  }
  return outcomes;
}

function rotate<T>(items: T[], by: number): T[] {
  if (items.length === 0) return items;
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

async function retire(live: LiveCell[], cell: LiveCell): Promise<void> {
  const index = live.indexOf(cell);
  if (index >= 0) live.splice(index, 1);
  cell.histogram.disable();
  await cell.strategy.close();
}
