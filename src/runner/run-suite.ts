import { performance } from 'node:perf_hooks';
import { EXIT } from '../errors.js';
import { probeEnvironment } from '../results/environment.js';
import { probeProvenance } from '../results/provenance.js';
import type { Benchmark, Environment, ResultFile, RunConfig } from '../results/schema.js';
import { SCHEMA_VERSION } from '../results/schema.js';
import { writeResultAtomic } from '../results/store.js';
import type { BatchSetting } from '../strategies/batch-size.js';
import type { StrategyName } from '../strategies/index.js';
import { TOOL_VERSION } from '../version.js';
import { resolveWorkloadUrl } from '../workload-source.js';
import { aggregateWorkload } from './aggregate.js';
import { DEFAULT_TASKS, MAX_PROCESSES, MAX_ROUNDS_PER_PROCESS, MIN_ROUNDS_PER_PROCESS } from './defaults.js';
import { probeMachine, startStealMeter } from './machine-probe.js';
import { planCells } from './plan.js';
import type { RoundPlan } from './protocol.js';
import { withScalingFits } from './scaling.js';
import { liveCells, measureProcess, stopAllChildren, type ProcessSettings, type WorkloadRecord } from './supervisor.js';
import { tagUvThreadpool } from './uv-threadpool.js';
import type { TraceCapture } from '../trace/model.js';
import { workerFigures } from '../trace/worker-figures.js';

export interface SuiteOptions {
  /** Built-in ids or paths to workload files. */
  workloads: string[];
  strategies: StrategyName[];
  threads: number[];
  tasks: number | null;
  size: number | null;
  /** Rounds per measuring process; null: rounds until precise or out of time (--precision, --max-time). */
  rounds: number | null;
  /** Measuring processes per workload: exactly this many with fixed rounds, else at least this many. */
  processes: number;
  precisionPct: number;
  /** Time budget per workload, ms, start-up of its processes included. */
  maxTimeMs: number;
  minSampleMs: number;
  warmupRounds: number;
  quick: boolean;
  taskTimeoutMs: number;
  maxInFlight: number | null;
  /** Tasks per message for `parallel` (--batch); absent: one task per message. */
  batch?: BatchSetting;
  label: string | null;
  /** libuv pool sizes to sweep: each workload runs once per size, in a child with that UV_THREADPOOL_SIZE. */
  uvThreadpoolSizes?: number[];
  /** Heap cap per pool worker, MiB (--worker-max-old-space-mb). */
  workerMaxOldSpaceMb?: number;
  /** Heap cap of each measuring process, MiB (--child-max-old-space-mb). */
  childMaxOldSpaceMb?: number;
  /** Spin a plain thread per core first to see what the machine delivers (--no-probe skips it). */
  probe: boolean;
  /** Traced batches per cell, taken in each workload's first process after its timed rounds (--trace-samples). */
  traceSamples: number;
  argv: string[];
  /** Written atomically after every round (at most once a second) and after every process; null: in memory only. */
  outPath: string | null;
  environment?: Environment;
  onProgress?: (progress: SuiteProgress) => void;
  /** How one measuring process is run: a real child (the default), or a fake in tests of the stopping rules. */
  measure?: typeof measureProcess;
}

export interface SuiteProgress {
  workload: string;
  /** 1-based index of the measuring process now running for `workload`, and the least the run will take. */
  process: number;
  processesPlanned: number;
  /** Time spent and the most the run may still take (each unfinished workload's remaining budget), ms. */
  elapsedMs: number;
  remainingMs: number;
}

export interface SuiteOutcome {
  result: ResultFile;
  exitCode: number;
  /** A user's workload file could not be used: the CLI reports it as bad input (exit 2). */
  usageError: string | undefined;
  /** The result file could not be written (disk full, file too large...): one line; the run stopped there. */
  writeError?: string;
}

/** Bootstrap replicates for the files written while a workload is still measuring (the final ones use the default). */
const INTERIM_RESAMPLES = 200;
/** Interim files between processes: at most this often, so writing never costs much of the measuring time. */
const INTERIM_WRITE_EVERY_MS = 1_000;

let stopRequested = false;

/** Ctrl-C: finish the sample in progress, write what was measured, and stop. */
export function requestStop(): void {
  stopRequested = true;
  stopAllChildren();
}

/**
 * Runs the whole matrix (workloads × strategies × threads). Each workload is measured in several fresh
 * processes, taken in passes — every workload's first process, then every workload's second… — so a spell of
 * load on the machine falls on one process of many workloads rather than on all of one. After its minimum,
 * a workload gets another process while some cell is short of --precision and its --max-time allows. The
 * result file is kept current throughout, so nothing measured is lost whatever happens next.
 */
export async function runSuite(options: SuiteOptions): Promise<SuiteOutcome> {
  stopRequested = false;
  const startedAtMs = performance.now();
  const environment = options.environment ?? probeEnvironment();
  if (options.probe) environment.machine = await probeMachine(environment.usableCores, options.minSampleMs);
  const stealMeter = startStealMeter();
  const startedAt = new Date().toISOString();
  const provenance = probeProvenance();
  const records: WorkloadRecord[] = options.workloads.flatMap((spec) =>
    (options.uvThreadpoolSizes ?? [undefined]).map((uvThreadpoolSize) => ({
      spec,
      ...(uvThreadpoolSize !== undefined ? { uvThreadpoolSize } : {}),
      workloadUrl: resolveWorkloadUrl(spec),
      cells: planCells(spec, options.strategies, options.threads).map((cell) => ({ ...cell, samples: [], startupsMs: [] })),
      processes: 0,
      completed: 0,
      elapsedMs: 0,
      startupMs: 0,
    })),
  );
  const config: RunConfig = {
    workloads: options.workloads,
    strategies: options.strategies,
    threads: options.threads,
    tasks: options.tasks,
    size: options.size,
    rounds: options.rounds,
    processes: options.processes,
    precisionPct: options.precisionPct,
    maxTimeMs: options.maxTimeMs,
    minSampleMs: options.minSampleMs,
    warmupRounds: options.warmupRounds,
    quick: options.quick,
    taskTimeoutMs: options.taskTimeoutMs,
    maxInFlight: options.maxInFlight,
    ...(options.batch !== undefined ? { batch: options.batch } : {}),
    ...(options.uvThreadpoolSizes !== undefined ? { uvThreadpoolSizes: options.uvThreadpoolSizes } : {}),
    ...(options.workerMaxOldSpaceMb !== undefined ? { workerMaxOldSpaceMb: options.workerMaxOldSpaceMb } : {}),
    ...(options.childMaxOldSpaceMb !== undefined ? { childMaxOldSpaceMb: options.childMaxOldSpaceMb } : {}),
  };

  const snapshot = (finished: boolean): ResultFile => ({
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'corescope', version: TOOL_VERSION },
    run: {
      startedAt,
      finishedAt: finished ? new Date().toISOString() : null,
      label: options.label,
      argv: options.argv,
      interrupted: stopRequested,
    },
    environment,
    config,
    benchmarks: records.flatMap((record) => aggregated.get(record) ?? []),
    warnings: runWarnings(records, environment),
    ...(provenance !== undefined ? { provenance } : {}),
    ...withTrace(records, aggregated),
  });
  // Entries per workload, recomputed only for the workload whose figures changed, and never while a sample runs:
  // the measuring child waits at the end of each round until this is done.
  const aggregated = new Map<WorkloadRecord, Benchmark[]>();
  const refresh = (record: WorkloadRecord, interim: boolean): void => {
    if (record.info === undefined && record.fatal === undefined) return;
    const entries = aggregateWorkload(record, {
      usableCores: environment.usableCores,
      maxInFlight: options.maxInFlight,
      interrupted: stopRequested,
      precisionPct: options.precisionPct,
      ...(interim ? { resamples: INTERIM_RESAMPLES } : {}),
    });
    aggregated.set(record, entries.map((benchmark) => tagUvThreadpool(benchmark, record.uvThreadpoolSize, environment.uvThreadpoolSize)));
  };
  let writeError: string | undefined;
  let lastWriteMs = 0;
  const write = (result: ResultFile): void => {
    lastWriteMs = performance.now();
    if (options.outPath === null || writeError !== undefined) return;
    // The store writes a temporary file and renames it, so a failed write leaves the last good file in place.
    // Nothing more could be saved: stop measuring, keep the figures for the terminal summary.
    writeError = tryWrite(options.outPath, result);
    if (writeError !== undefined) requestStop();
  };

  const processSliceMs = options.maxTimeMs / (2 * options.processes);
  const roundPlanFor = (record: WorkloadRecord): RoundPlan => {
    if (options.rounds !== null) return { kind: 'fixed', count: options.rounds };
    const remainingMs = Math.max(0, options.maxTimeMs - record.elapsedMs - averageStartupMs(record));
    return {
      kind: 'timed',
      sliceMs: Math.min(processSliceMs, remainingMs),
      limitMs: remainingMs,
      minRounds: MIN_ROUNDS_PER_PROCESS,
      maxRounds: MAX_ROUNDS_PER_PROCESS,
    };
  };
  const settingsFor = (record: WorkloadRecord): ProcessSettings => ({
    size: options.size,
    tasks: options.tasks,
    fallbackTasks: DEFAULT_TASKS,
    rounds: roundPlanFor(record),
    warmupRounds: options.warmupRounds,
    minSampleMs: options.minSampleMs,
    taskTimeoutMs: options.taskTimeoutMs,
    maxInFlight: options.maxInFlight,
    usableCores: environment.usableCores,
    traceSamples: record.processes === 0 ? options.traceSamples : 0,
    ...(options.batch !== undefined ? { batch: options.batch } : {}),
    ...(options.workerMaxOldSpaceMb !== undefined ? { workerMaxOldSpaceMb: options.workerMaxOldSpaceMb } : {}),
    ...(options.childMaxOldSpaceMb !== undefined ? { childMaxOldSpaceMb: options.childMaxOldSpaceMb } : {}),
  });
  const wantsProcess = (record: WorkloadRecord): boolean => {
    if (record.fatal !== undefined || liveCells(record).length === 0) return false;
    if (options.rounds !== null) return record.completed < options.processes;
    if (record.completed === 0) return true;
    const remainingMs = options.maxTimeMs - record.elapsedMs;
    // The minimum of processes always runs (past the budget, each takes one round); one more must fit in what is
    // left (half of an average process) and is worth it only while some cell is imprecise.
    if (record.completed < options.processes) return true;
    if (remainingMs < 0.5 * (record.elapsedMs / record.processes) || record.completed >= MAX_PROCESSES) return false;
    return !(aggregated.get(record) ?? []).every(isPreciseOrDone);
  };
  const report = (record: WorkloadRecord): void => {
    const remainingMs = records.reduce((total, other) => total + (wantsProcess(other) || other === record ? Math.max(0, options.maxTimeMs - other.elapsedMs) : 0), 0);
    options.onProgress?.({
      workload: record.spec,
      process: record.completed,
      processesPlanned: options.processes,
      elapsedMs: performance.now() - startedAtMs,
      remainingMs,
    });
  };

  for (let pass = 0; !stopRequested; pass += 1) {
    const due = records.filter(wantsProcess);
    if (due.length === 0) break;
    for (const record of due) {
      if (stopRequested) break;
      report(record);
      await (options.measure ?? measureProcess)(record, settingsFor(record), {
        onRound: () => {
          if (performance.now() - lastWriteMs < INTERIM_WRITE_EVERY_MS) return;
          refresh(record, true);
          write(withScalingFits(snapshot(false)));
        },
        onUpdate: () => undefined,
        stopRequested: () => stopRequested,
      });
      refresh(record, false);
      write(withScalingFits(snapshot(false)));
    }
  }

  if (environment.machine !== undefined) environment.machine.stealPct = stealMeter();
  records.forEach((record) => refresh(record, false));
  const result = withScalingFits(snapshot(true));
  write(result);
  const usage = records.find((record) => record.fatal?.usage === true)?.fatal;
  const failed = result.benchmarks.some((benchmark) => !['ok', 'skipped'].includes(benchmark.status));
  const exitCode =
    usage !== undefined || writeError !== undefined ? EXIT.usage : stopRequested ? EXIT.interrupted : failed ? EXIT.workloadFailed : EXIT.ok;
  return { result, exitCode, usageError: usage?.error.message, ...(writeError !== undefined ? { writeError } : {}) };
}

/**
 * The run's trace: every workload's traced batches, the child's cell ids renamed to the benchmark ids the file
 * uses (a workload file's id, a libuv pool size's suffix), with each pool cell's per-worker figures.
 */
function withTrace(records: readonly WorkloadRecord[], aggregated: Map<WorkloadRecord, Benchmark[]>): { trace?: TraceCapture } {
  const capture: TraceCapture = { spans: [], counters: [], workers: [] };
  for (const record of records) {
    const entries = aggregated.get(record);
    if (record.trace === undefined || entries === undefined) continue;
    const idOf = new Map(record.cells.map((cell, index) => [cell.id, entries[index]?.id ?? cell.id]));
    const rename = <T extends { cellId: string }>(item: T): T => ({ ...item, cellId: idOf.get(item.cellId) ?? item.cellId });
    capture.spans.push(...record.trace.spans.map(rename));
    capture.counters.push(...record.trace.counters.map(rename));
    capture.workers.push(...record.trace.workers.map(rename));
  }
  if (capture.spans.length === 0) return {};
  const figures = workerFigures(capture);
  for (const entries of aggregated.values()) {
    for (const entry of entries) {
      const cell = entry.status === 'ok' ? figures.get(entry.id) : undefined;
      if (cell !== undefined && entry.status === 'ok') entry.workers = cell;
    }
  }
  return { trace: capture };
}

/** A cell that needs no more measuring: failed, skipped, or precise. */
function isPreciseOrDone(benchmark: Benchmark): boolean {
  return benchmark.status !== 'ok' || benchmark.precision.met;
}

function averageStartupMs(record: WorkloadRecord): number {
  return record.processes === 0 ? 0 : record.startupMs / record.processes;
}

/** Writes the result file; returns a one-line reason instead of throwing, so a full disk cannot crash the run. */
function tryWrite(path: string, result: ResultFile): string | undefined {
  try {
    writeResultAtomic(path, result);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error instanceof Error ? error.message : String(error);
    const reason = code !== undefined && !message.startsWith(code) ? `${code}: ${message}` : message;
    return `cannot write results to ${path} (${reason}); the file there is the last complete write, measuring stopped`;
  }
}

function runWarnings(records: WorkloadRecord[], environment: Environment): string[] {
  const warnings: string[] = [];
  if (environment.cgroupCpuLimit !== null && environment.cgroupCpuLimit < environment.availableParallelism) {
    warnings.push(`a cgroup CPU quota of ${environment.cgroupCpuLimit} CPUs caps this run at ${environment.usableCores} usable cores`);
  }
  for (const record of records) {
    if (record.fatal !== undefined) warnings.push(`${record.spec}: could not run: ${record.fatal.error.message}`);
  }
  return warnings;
}
