import { performance } from 'node:perf_hooks';
import { EXIT } from '../errors.js';
import { probeEnvironment } from '../results/environment.js';
import { probeProvenance } from '../results/provenance.js';
import type { Benchmark, Environment, OkBenchmark, ResultFile, RunConfig } from '../results/schema.js';
import { SCHEMA_VERSION } from '../results/schema.js';
import { writeResultAtomic } from '../results/store.js';
import type { BatchSetting } from '../strategies/batch-size.js';
import type { StrategyName } from '../strategies/index.js';
import { TOOL_VERSION } from '../version.js';
import { resolveWorkloadUrl } from '../workload-source.js';
import { aggregateWorkload, byProcess } from './aggregate.js';
import { roundsPerProcess } from './allocation.js';
import { varianceComponents } from '../stats/variance-components.js';
import {
  DEFAULT_TASKS,
  MAX_PROCESSES,
  MAX_ROUNDS_PER_PROCESS,
  MIN_ALLOCATED_ROUNDS,
  MIN_ROUNDS_PER_PROCESS,
} from './defaults.js';
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
  /**
   * A second version of the same workloads (`ab`: the head, against these as the base), in the same order. Its
   * processes alternate with theirs — base, head, base, head… — and stop together, so drift falls on both alike;
   * each side calibrates nothing of its own but takes the base's batches per sample and tasks per message.
   */
  versus?: SuiteSide;
}

/** One side of an A/B run: its workloads, its label, and where its result file goes. */
export interface SuiteSide {
  workloads: string[];
  label: string | null;
  outPath: string | null;
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
  /** With `versus`: the head's result (`result` is the base's). */
  versusResult?: ResultFile;
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
  const sides: SuiteSide[] = [
    { workloads: options.workloads, label: options.label, outPath: options.outPath },
    ...(options.versus !== undefined ? [options.versus] : []),
  ];
  const newRecord = (spec: string, uvThreadpoolSize: number | undefined): WorkloadRecord => ({
    spec,
    ...(uvThreadpoolSize !== undefined ? { uvThreadpoolSize } : {}),
    workloadUrl: resolveWorkloadUrl(spec),
    cells: planCells(spec, options.strategies, options.threads).map((cell) => ({
      ...cell,
      samples: [],
      startupsMs: [],
    })),
    processes: 0,
    completed: 0,
    elapsedMs: 0,
    startupMs: 0,
  });
  // Linked records measure one workload (and libuv pool size), one per side: they take their processes in turn.
  const linked: WorkloadRecord[][] = options.workloads.flatMap((_, index) =>
    (options.uvThreadpoolSizes ?? [undefined]).map((size) =>
      sides.map((side) => newRecord(side.workloads[index] ?? '', size)),
    ),
  );
  const sideOf = new Map(linked.flatMap((group) => group.map((record, side) => [record, side] as const)));
  const records = linked.flat();
  const configOf = (side: SuiteSide): RunConfig => ({
    workloads: side.workloads,
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
  });

  const snapshot = (finished: boolean, side: SuiteSide, own: WorkloadRecord[]): ResultFile => ({
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'corescope', version: TOOL_VERSION },
    run: {
      startedAt,
      finishedAt: finished ? new Date().toISOString() : null,
      label: side.label,
      argv: options.argv,
      interrupted: stopRequested,
    },
    environment,
    config: configOf(side),
    benchmarks: own.flatMap((record) => aggregated.get(record) ?? []),
    warnings: runWarnings(own, environment),
    ...(provenance !== undefined ? { provenance } : {}),
    ...withTrace(own, aggregated),
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
    aggregated.set(
      record,
      entries.map((benchmark) => tagUvThreadpool(benchmark, record.uvThreadpoolSize, environment.uvThreadpoolSize)),
    );
  };
  let writeError: string | undefined;
  let lastWriteMs = 0;
  /** Writes every side's file. The store writes a temporary file and renames it, so a failed write leaves the last
   * good file in place; nothing more could be saved then: stop measuring, keep the figures for the summary. */
  const writeAll = (finished: boolean): ResultFile[] => {
    lastWriteMs = performance.now();
    const results = sides.map((side, index) =>
      withScalingFits(
        snapshot(
          finished,
          side,
          records.filter((record) => sideOf.get(record) === index),
        ),
      ),
    );
    sides.forEach((side, index) => {
      const result = results[index];
      if (side.outPath === null || writeError !== undefined || result === undefined) return;
      writeError = tryWrite(side.outPath, result);
      if (writeError !== undefined) requestStop();
    });
    return results;
  };

  const processSliceMs = options.maxTimeMs / (2 * options.processes);
  const roundPlanFor = (record: WorkloadRecord): RoundPlan => {
    if (options.rounds !== null) return { kind: 'fixed', count: options.rounds };
    const remainingMs = Math.max(0, options.maxTimeMs - record.elapsedMs - averageStartupMs(record));
    // Past two processes, the spread measured so far says how to split what is left between processes and rounds.
    const rounds = record.completed >= 2 ? allocatedRounds(record, aggregated.get(record) ?? []) : undefined;
    if (rounds !== undefined)
      return { kind: 'timed', sliceMs: 0, limitMs: remainingMs, minRounds: rounds, maxRounds: rounds };
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
    done: finishedInGroup(record),
    ...(options.batch !== undefined ? { batch: options.batch } : {}),
    ...(options.workerMaxOldSpaceMb !== undefined ? { workerMaxOldSpaceMb: options.workerMaxOldSpaceMb } : {}),
    ...(options.childMaxOldSpaceMb !== undefined ? { childMaxOldSpaceMb: options.childMaxOldSpaceMb } : {}),
  });
  // A cell sits out only when it is precise on every side of its group: `ab` pairs its sides round by round.
  const finishedInGroup = (record: WorkloadRecord): Set<string> => {
    const group = linked.find((candidate) => candidate.includes(record)) ?? [record];
    const finished = group.map((member) => finishedCells(member, aggregated.get(member) ?? [], options.processes));
    const indices = record.cells.flatMap((cell, index) =>
      group.every((member, side) => finished[side]?.has(member.cells[index]?.id ?? '') === true) ? [index] : [],
    );
    return new Set(indices.map((index) => record.cells[index]?.id ?? ''));
  };
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
    const remainingMs = records.reduce(
      (total, other) =>
        total + (wantsProcess(other) || other === record ? Math.max(0, options.maxTimeMs - other.elapsedMs) : 0),
      0,
    );
    options.onProgress?.({
      workload: record.spec,
      process: record.completed,
      processesPlanned: options.processes,
      elapsedMs: performance.now() - startedAtMs,
      remainingMs,
    });
  };

  // `versus`: the sides must measure the same workloads; the first process of each says which workload it holds.
  let mismatch: string | undefined;
  for (let pass = 0; !stopRequested; pass += 1) {
    // A linked group goes on while any side wants more, all sides together, so their processes keep alternating.
    const due = linked.filter((group) => group.some(wantsProcess));
    if (due.length === 0) break;
    for (const record of due.flat()) {
      if (stopRequested) break;
      report(record);
      await (options.measure ?? measureProcess)(record, settingsFor(record), {
        onRound: () => {
          if (performance.now() - lastWriteMs < INTERIM_WRITE_EVERY_MS) return;
          refresh(record, true);
          writeAll(false);
        },
        onUpdate: () => undefined,
        stopRequested: () => stopRequested,
      });
      const group = linked.find((candidate) => candidate.includes(record)) ?? [];
      shareCalibration(group);
      mismatch ??= workloadMismatch(group);
      if (mismatch !== undefined) requestStop();
      refresh(record, false);
      writeAll(false);
    }
  }

  if (environment.machine !== undefined) environment.machine.stealPct = stealMeter();
  records.forEach((record) => refresh(record, false));
  const [result, versusResult] = writeAll(true) as [ResultFile, ResultFile | undefined];
  const usage =
    mismatch !== undefined
      ? { error: { message: mismatch } }
      : records.find((record) => record.fatal?.usage === true)?.fatal;
  const failed = [result, versusResult].some((file) =>
    file?.benchmarks.some((benchmark) => !['ok', 'skipped'].includes(benchmark.status)),
  );
  const exitCode =
    usage !== undefined || writeError !== undefined
      ? EXIT.usage
      : stopRequested
        ? EXIT.interrupted
        : failed
          ? EXIT.workloadFailed
          : EXIT.ok;
  return {
    result,
    ...(versusResult !== undefined ? { versusResult } : {}),
    exitCode,
    usageError: usage?.error.message,
    ...(writeError !== undefined ? { writeError } : {}),
  };
}

/** Why a linked group's sides do not measure the same workload (their ids differ), once every side has said. */
function workloadMismatch(group: readonly WorkloadRecord[]): string | undefined {
  const [first, ...others] = group;
  if (first?.info === undefined) return undefined;
  const other = others.find((record) => record.info !== undefined && record.info.id !== first.info?.id);
  return other === undefined
    ? undefined
    : `${other.spec} holds workload "${other.info?.id ?? '?'}" but ${first.spec} holds "${first.info.id}": ` +
        `both sides must hold the same workload ids`;
}

/**
 * The other sides of a linked group measure what the first side calibrated: the same batches per sample and tasks
 * per message, cell by cell (their cells line up: same strategies and thread counts), so a slower head is timed
 * over the same work as its base rather than over fewer repeats.
 */
function shareCalibration(group: readonly WorkloadRecord[]): void {
  const [first, ...others] = group;
  if (first === undefined) return;
  for (const other of others) {
    other.cells.forEach((cell, index) => {
      const source = first.cells[index];
      if (source === undefined) return;
      cell.repeats ??= source.repeats;
      cell.batching ??= source.batching;
    });
  }
}

/**
 * The run's trace: every workload's traced batches, the child's cell ids renamed to the benchmark ids the file
 * uses (a workload file's id, a libuv pool size's suffix), with each pool cell's per-worker figures.
 */
function withTrace(
  records: readonly WorkloadRecord[],
  aggregated: Map<WorkloadRecord, Benchmark[]>,
): { trace?: TraceCapture } {
  const capture: TraceCapture = { spans: [], counters: [], workers: [] };
  for (const record of records) {
    const entries = aggregated.get(record);
    if (record.trace === undefined || entries === undefined) continue;
    const idOf = new Map(record.cells.map((cell, index) => [cell.id, entries[index]?.id ?? cell.id]));
    const rename = <T extends { cellId: string }>(item: T): T => ({
      ...item,
      cellId: idOf.get(item.cellId) ?? item.cellId,
    });
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

/**
 * Cells a further process can leave out: precise already, past the minimum of processes. Sequential always stays,
 * since every other cell's speedup pairs with it round by round; the time saved goes to the cells still short.
 */
function finishedCells(record: WorkloadRecord, entries: readonly Benchmark[], minimum: number): Set<string> {
  if (record.completed < minimum) return new Set();
  return new Set(
    record.cells
      .filter((cell, index) => {
        const entry = entries[index];
        return cell.strategy !== 'sequential' && entry?.status === 'ok' && entry.precision.met;
      })
      .map((cell) => cell.id),
  );
}

/**
 * Rounds for the next process of a workload, from its least precise cell: its spread within and between the
 * processes so far (logs, so cells of any size compare), and what a process's start-up and a round have cost
 * (allocation.ts). Undefined when every cell is precise or the figures cannot tell yet.
 */
function allocatedRounds(record: WorkloadRecord, entries: readonly Benchmark[]): number | undefined {
  const worst = entries
    .filter((entry): entry is OkBenchmark => entry.status === 'ok' && !entry.precision.met)
    .sort((a, b) => b.precision.reachedPct / b.precision.targetPct - a.precision.reachedPct / a.precision.targetPct)[0];
  const cell = record.cells.find(
    (candidate) => worst !== undefined && candidate.strategy === worst.strategy && candidate.threads === worst.threads,
  );
  if (cell === undefined) return undefined;
  const components = varianceComponents(byProcess(cell.samples).map((group) => group.map(Math.log)));
  const rounds = Math.max(...record.cells.map((other) => other.samples.length));
  if (components === undefined || rounds === 0) return undefined;
  const roundMs = (record.elapsedMs - record.startupMs) / rounds;
  // Two or three processes tell little about the spread between them: never more than twice the rounds they took.
  const most = Math.max(MIN_ALLOCATED_ROUNDS, Math.round((2 * rounds) / record.completed));
  return roundsPerProcess(components, averageStartupMs(record), roundMs, { min: MIN_ALLOCATED_ROUNDS, max: most });
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
    warnings.push(
      `a cgroup CPU quota of ${environment.cgroupCpuLimit} CPUs caps this run at ` +
        `${environment.usableCores} usable cores`,
    );
  }
  for (const record of records) {
    if (record.fatal !== undefined) warnings.push(`${record.spec}: could not run: ${record.fatal.error.message}`);
  }
  return warnings;
}
