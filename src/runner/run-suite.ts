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
import { planCells } from './plan.js';
import { withScalingFits } from './scaling.js';
import { stopAllChildren, superviseWorkload, type WorkloadRecord } from './supervisor.js';
import { tagUvThreadpool } from './uv-threadpool.js';

export interface SuiteOptions {
  /** Built-in ids or paths to workload files. */
  workloads: string[];
  strategies: StrategyName[];
  threads: number[];
  tasks: number | null;
  size: number | null;
  rounds: number;
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
  argv: string[];
  /** Written atomically after every round; null keeps the result in memory only. */
  outPath: string | null;
  environment?: Environment;
  onProgress?: (progress: SuiteProgress) => void;
}

export interface SuiteProgress {
  workload: string;
  cellsDone: number;
  cellsTotal: number;
  samplesTaken: number;
  samplesPlanned: number;
}

export interface SuiteOutcome {
  result: ResultFile;
  exitCode: number;
  /** A user's workload file could not be used: the CLI reports it as bad input (exit 2). */
  usageError: string | undefined;
  /** The result file could not be written (disk full, file too large...): one line; the run stopped there. */
  writeError?: string;
}

/** Tasks per sample when neither the run nor the workload says. */
export const DEFAULT_TASKS = 16;

let stopRequested = false;

/** Ctrl-C: finish the sample in progress, write what was measured, and stop. */
export function requestStop(): void {
  stopRequested = true;
  stopAllChildren();
}

/**
 * Runs the whole matrix (workloads × strategies × threads), one measuring child per workload, and keeps the
 * result file current after every round so nothing measured is lost whatever happens next.
 */
export async function runSuite(options: SuiteOptions): Promise<SuiteOutcome> {
  stopRequested = false;
  const environment = options.environment ?? probeEnvironment();
  const startedAt = new Date().toISOString();
  const provenance = probeProvenance();
  const records: WorkloadRecord[] = options.workloads.flatMap((spec) =>
    (options.uvThreadpoolSizes ?? [undefined]).map((uvThreadpoolSize) => ({
      spec,
      ...(uvThreadpoolSize !== undefined ? { uvThreadpoolSize } : {}),
      workloadUrl: resolveWorkloadUrl(spec),
      cells: planCells(spec, options.strategies, options.threads).map((cell) => ({ ...cell, samples: [], startupMs: 0 })),
    })),
  );
  const config: RunConfig = {
    workloads: options.workloads,
    strategies: options.strategies,
    threads: options.threads,
    tasks: options.tasks,
    size: options.size,
    rounds: options.rounds,
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
  });
  // Entries per workload, recomputed only for the workload whose figures changed: the supervisor shares the
  // cores with the measuring child, so it must not re-derive every finished workload (bootstrap intervals
  // included) after every round.
  const aggregated = new Map<WorkloadRecord, Benchmark[]>();
  const refresh = (record: WorkloadRecord): void => {
    if (record.info === undefined && record.fatal === undefined) return;
    const entries = aggregateWorkload(record, { usableCores: environment.usableCores, maxInFlight: options.maxInFlight, interrupted: stopRequested });
    aggregated.set(record, entries.map((benchmark) => tagUvThreadpool(benchmark, record.uvThreadpoolSize, environment.uvThreadpoolSize)));
  };
  let writeError: string | undefined;
  /** `changed`: the workload whose figures moved; none at the end, when every entry is derived once more. */
  const save = (changed?: WorkloadRecord): ResultFile => {
    if (changed !== undefined) refresh(changed);
    else records.forEach(refresh);
    const result = withScalingFits(snapshot(changed === undefined));
    if (options.outPath !== null && writeError === undefined) {
      // The store writes a temporary file and renames it, so a failed write leaves the last good file in place.
      // Nothing more could be saved: stop measuring, keep the figures for the terminal summary.
      writeError = tryWrite(options.outPath, result);
      if (writeError !== undefined) requestStop();
    }
    return result;
  };

  const samplesPlanned = records.reduce((total, record) => total + record.cells.length * options.rounds, 0);
  const report = (record: WorkloadRecord): void => {
    const cells = records.flatMap((r) => r.cells);
    options.onProgress?.({
      workload: record.spec,
      cellsDone: cells.filter((cell) => cell.failure !== undefined || cell.samples.length >= options.rounds).length,
      cellsTotal: cells.length,
      samplesTaken: cells.reduce((total, cell) => total + cell.samples.length, 0),
      samplesPlanned,
    });
  };

  for (const record of records) {
    if (stopRequested) break;
    await superviseWorkload(
      record,
      {
        rounds: options.rounds,
        size: options.size,
        tasks: options.tasks,
        fallbackTasks: DEFAULT_TASKS,
        warmupRounds: options.warmupRounds,
        taskTimeoutMs: options.taskTimeoutMs,
        maxInFlight: options.maxInFlight,
        usableCores: environment.usableCores,
        ...(options.batch !== undefined ? { batch: options.batch } : {}),
        ...(options.workerMaxOldSpaceMb !== undefined ? { workerMaxOldSpaceMb: options.workerMaxOldSpaceMb } : {}),
        ...(options.childMaxOldSpaceMb !== undefined ? { childMaxOldSpaceMb: options.childMaxOldSpaceMb } : {}),
      },
      {
        onUpdate: () => {
          save(record);
          report(record);
        },
        stopRequested: () => stopRequested,
      },
    );
  }

  const result = save();
  const usage = records.find((record) => record.fatal?.usage === true)?.fatal;
  const failed = result.benchmarks.some((benchmark) => !['ok', 'skipped'].includes(benchmark.status));
  const exitCode =
    usage !== undefined || writeError !== undefined ? EXIT.usage : stopRequested ? EXIT.interrupted : failed ? EXIT.workloadFailed : EXIT.ok;
  return { result, exitCode, usageError: usage?.error.message, ...(writeError !== undefined ? { writeError } : {}) };
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
