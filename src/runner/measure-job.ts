import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';
import { serializeError, UsageError } from '../errors.js';
import { strategyNamed, type PreparedStrategy, type StrategyContext } from '../strategies/index.js';
import { loadWorkload } from '../workload-source.js';
import type { Workload } from '../workload.js';
import { calibrateRepeats } from './calibrate.js';
import { cellFailureOf } from './cell-failure.js';
import { DEFAULT_TASKS } from './defaults.js';
import type { CellJob, ChildMessage, MeasureJob, Phase } from './protocol.js';
import { wantsRound } from './process-plan.js';
import { measureRound } from './round.js';
import { traceBatch } from './trace-sample.js';
import { cellWarmer } from './warm-up.js';
import { stopGcLedger } from '../gc/gc-meter.js';
import { warmupOptionsFor } from '../stats/warmup.js';
import { startWatchdog, WATCHDOG_GRACE_MS, type Watchdog } from './watchdog.js';

/** Generous budgets for steps whose length does not depend on the task: loading, setup, teardown. */
const FIXED_PHASE_MS = 60_000;
/** Slack on top of a batch's worst legitimate time, for scheduling and GC. */
const BATCH_GRACE_MS = 5_000;
/** Batches of more tasks than this are not traced: a picture of 10 000 bars says nothing, and the file stays small. */
const MAX_TRACED_TASKS = 1_000;
/** Whole batches each cell runs in turn after warm-up, right before calibration and the first round. */
const REFRESH_TURNS = 2;

/** A cell whose strategy is prepared (its pool running), measured round after round. */
export interface LiveCell {
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

/** One job under way in this process: what every phase of it needs. */
interface Session {
  job: MeasureJob;
  hooks: JobHooks;
  context: StrategyContext;
  tasks: number;
  live: LiveCell[];
}

/**
 * Measures one workload's cells in the current process: load, setup once, prepare every cell (pools start and
 * warm here), warm-up rounds, calibration of each cell's batches per sample (unless an earlier process did it),
 * then interleaved rounds in which every cell takes one sample, order rotated each round so drift hits all
 * cells alike. Readings stream out through `emit` as they are taken. Failures are reported per cell and never
 * thrown across the runner.
 */
export async function measureJob(job: MeasureJob, hooks: JobHooks): Promise<void> {
  const loaded = await loadAndSetUp(job, hooks.emit);
  if (loaded === undefined) return;
  const { workload, data, size, tasks } = loaded;
  // A task stuck on this thread cannot be timed out from this thread: the watchdog sees every task start.
  const limitMs = job.config.taskTimeoutMs + WATCHDOG_GRACE_MS;
  const watchdog = job.watchdogFd !== undefined ? startWatchdog(limitMs, job.watchdogFd) : undefined;
  const context = {
    workload: watched(workload, watchdog),
    workloadUrl: job.workloadUrl,
    data,
    size,
    taskTimeoutMs: job.config.taskTimeoutMs,
    tasks,
  };
  const session: Session = { job, hooks, context, tasks, live: [] };
  try {
    await prepareCells(session);
    watchdog?.arm();
    await warmUp(session);
    await calibrate(session);
    const rounds = await measureRounds(session);
    await traceCells(session, rounds);
  } finally {
    await watchdog?.close();
    for (const cell of [...session.live]) await retire(session.live, cell);
    phase(session.hooks.emit, 'teardown', null, FIXED_PHASE_MS);
    await workload.teardown?.(data);
  }
  hooks.emit({ type: 'done' });
}

function phase(emit: Emit, name: Phase, cellId: string | null, deadlineMs: number): void {
  emit({ type: 'phase', phase: name, cellId, deadlineMs });
}

/** Loads the workload and runs its setup; undefined when it cannot run at all (reported as `fatal`). */
async function loadAndSetUp(
  job: MeasureJob,
  emit: Emit,
): Promise<{ workload: Workload; data: unknown; size: number; tasks: number } | undefined> {
  phase(emit, 'load', null, FIXED_PHASE_MS);
  let workload: Workload;
  try {
    workload = await loadWorkload(job.workloadUrl);
  } catch (error) {
    emit({ type: 'fatal', error: serializeError(error), usage: error instanceof UsageError });
    return undefined;
  }
  const size = job.config.size ?? workload.defaultSize;
  const tasks = job.config.tasks ?? workload.defaultTasks ?? DEFAULT_TASKS;
  emit({ type: 'workload', id: workload.id, kind: workload.kind, size, tasks });

  phase(emit, 'setup', null, FIXED_PHASE_MS);
  let data: unknown;
  try {
    data = await workload.setup?.({ size, tasks });
  } catch (error) {
    emit({ type: 'fatal', error: serializeError(error), usage: false });
    return undefined;
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
  return { workload, data, size, tasks };
}

/** The workload as the main thread runs it: each task start is a watchdog beat. */
function watched(workload: Workload, watchdog: Watchdog | undefined): Workload {
  return watchdog === undefined ? workload : { ...workload, task: (input) => (watchdog.beat(), workload.task(input)) };
}

/** Starts every cell's strategy (pools come online here); one that cannot run this workload is skipped. */
async function prepareCells(session: Session): Promise<void> {
  const { job, hooks, context, live } = session;
  const { maxInFlight, workerMaxOldSpaceMb } = job.config;
  for (const cell of job.cells) {
    phase(hooks.emit, 'startup', cell.id, FIXED_PHASE_MS + job.config.taskTimeoutMs);
    const unsupported = strategyNamed(cell.strategy).unsupportedReason?.(context.workload);
    if (unsupported !== undefined) {
      hooks.emit({ type: 'cell-skipped', cellId: cell.id, reason: unsupported });
      continue;
    }
    const batch = cell.batch ?? job.config.batch;
    try {
      const strategy = await strategyNamed(cell.strategy).prepare(context, {
        threads: cell.threads,
        maxInFlight,
        ...(batch !== undefined ? { batch } : {}),
        ...(workerMaxOldSpaceMb !== undefined ? { workerMaxOldSpaceMb } : {}),
      });
      hooks.emit({
        type: 'cell-ready',
        cellId: cell.id,
        startupMs: strategy.startupMs,
        ...(strategy.batching !== undefined ? { batching: strategy.batching } : {}),
      });
      live.push({ job: cell, strategy, histogram: monitorEventLoopDelay({ resolution: 5 }), repeats: cell.repeats });
    } catch (error) {
      hooks.emit({ type: 'cell-failed', cellId: cell.id, ...cellFailureOf(error) });
    }
  }
}

/**
 * Before any timing, each cell warms until its batch times are steady (warm-up.ts), every pool thread included;
 * --warmup 0 skips it. Then every cell runs one more warm-up batch, in turn, right before calibration and the first
 * round: a cell warmed first would otherwise sit idle while the others warm, and an isolate left idle for seconds
 * came back slower on its first batch (V8 reclaims memory from a quiet isolate). Calibration comes after, on warm
 * batches.
 */
async function warmUp(session: Session): Promise<void> {
  const { job, hooks, tasks, live } = session;
  if (job.config.warmupRounds === 0) return;
  const options = warmupOptionsFor(job.config.quick, job.config.warmupMaxMs);
  for (const cell of [...live]) {
    const { strategy, job: cellJob } = cell;
    const warmer = cellWarmer({ strategy, name: cellJob.strategy, threads: cellJob.threads }, tasks, options);
    try {
      for (let done = false; !done && !hooks.stopRequested();) {
        phase(hooks.emit, 'warmup', cellJob.id, sampleDeadlineMs(session, cell, 1));
        done = await warmer.step();
      }
      hooks.emit({ type: 'warmed', cellId: cellJob.id, report: warmer.report() });
    } catch (error) {
      await fail(session, cell, error);
    }
  }
  // No GC observer on this thread during timed samples (the pool threads stop theirs at their first untraced task).
  stopGcLedger();
  for (let turn = 0; turn < REFRESH_TURNS; turn += 1) {
    for (const cell of [...live]) {
      if (hooks.stopRequested()) return;
      phase(hooks.emit, 'warmup', cell.job.id, sampleDeadlineMs(session, cell, 1));
      try {
        await cell.strategy.runBatch(tasks);
      } catch (error) {
        await fail(session, cell, error);
      }
    }
  }
}

/** Batches per sample for each cell an earlier process has not calibrated. */
async function calibrate(session: Session): Promise<void> {
  const { job, hooks, tasks, live } = session;
  for (const cell of [...live]) {
    if (cell.repeats !== undefined || hooks.stopRequested()) continue;
    try {
      cell.repeats = await calibrateRepeats(async (repeats) => {
        phase(hooks.emit, 'calibrate', cell.job.id, sampleDeadlineMs(session, cell, repeats));
        const startedAt = performance.now();
        for (let repeat = 0; repeat < repeats; repeat += 1) await cell.strategy.runBatch(tasks);
        return performance.now() - startedAt;
      }, job.config.minSampleMs);
      hooks.emit({ type: 'calibrated', cellId: cell.job.id, repeats: cell.repeats });
    } catch (error) {
      await fail(session, cell, error);
    }
  }
}

/** The timed rounds, as many as the round plan wants; returns how many ran. */
async function measureRounds(session: Session): Promise<number> {
  const { job, hooks, tasks, live } = session;
  const measuringSince = performance.now();
  let rounds = 0;
  for (
    let round = 0;
    live.length > 0 && wantsRound(job.rounds, round, performance.now() - measuringSince) && !hooks.stopRequested();
    round += 1
  ) {
    const due = rotate(live, round);
    const readings = await measureRound(
      due,
      tasks,
      (cell) => phase(hooks.emit, 'sample', cell.job.id, sampleDeadlineMs(session, cell)),
      hooks.stopRequested,
    );
    for (const [cell, outcome] of readings) {
      if (outcome.kind === 'sample')
        hooks.emit({ type: 'sample', cellId: cell.job.id, round, reading: outcome.reading });
      else if (outcome.kind === 'failed') await fail(session, cell, outcome.error);
    }
    hooks.emit({ type: 'round-done', round });
    await hooks.roundDone(round);
    rounds = round + 1;
  }
  return rounds;
}

/** Traced batches, apart from the timed ones: when each task ran, and on which thread. */
async function traceCells(session: Session, rounds: number): Promise<void> {
  const { job, hooks, tasks, live } = session;
  for (let sample = 0; sample < job.traceSamples && tasks <= MAX_TRACED_TASKS && !hooks.stopRequested(); sample += 1) {
    for (const cell of [...live]) {
      phase(hooks.emit, 'trace', cell.job.id, sampleDeadlineMs(session, cell, 1));
      try {
        const capture = await traceBatch(cell.strategy, {
          cellId: cell.job.id,
          process: job.processIndex,
          round: rounds,
          sample,
          tasks,
        });
        hooks.emit({ type: 'trace', cellId: cell.job.id, capture });
      } catch (error) {
        await fail(session, cell, error);
      }
    }
  }
}

/** The worst legitimate sample: `waves` back-to-back tasks per batch, each allowed --task-timeout, k batches. */
function sampleDeadlineMs(session: Session, cell: LiveCell, repeats = cell.repeats ?? 1): number {
  const { config, usableCores } = session.job;
  const waves = strategyNamed(cell.job.strategy).waves({
    tasks: session.tasks,
    threads: cell.job.threads,
    usableCores,
    maxInFlight: config.maxInFlight,
  });
  return repeats * (waves * config.taskTimeoutMs + BATCH_GRACE_MS);
}

async function fail(session: Session, cell: LiveCell, error: unknown): Promise<void> {
  session.hooks.emit({ type: 'cell-failed', cellId: cell.job.id, ...cellFailureOf(error) });
  await retire(session.live, cell);
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
