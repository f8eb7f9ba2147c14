import type { SerializedError } from '../errors.js';
import type { MeasureConfig } from '../results/config-schema.js';
import type { WarmupReport } from '../results/warmup-schema.js';
import type { BatchChoice } from '../strategies/batch-size.js';
import type { StrategyName } from '../strategies/index.js';
import type { TraceCapture } from '../trace/model.js';
import type { WorkloadKind } from '../workload.js';
import { resolveWorkloadUrl } from '../workload-source.js';
import type { CellFailureReport } from './cell-failure.js';
import { planCells } from './plan.js';
import type { RoundPlan, SampleReading } from './protocol.js';

/** One sample with where it came from: which measuring process of the run, and which round in it. */
export interface TaggedSample extends SampleReading {
  process: number;
  round: number;
}

/** Everything that arrived for one cell, over every measuring process, whatever became of them. */
export interface CellRecord {
  /** The cell's key within its workload (`parallel/t2`): the measuring child and the supervisor name it so. */
  id: string;
  strategy: StrategyName;
  threads: number;
  samples: TaggedSample[];
  /** Pool start-up in each process that prepared the cell, ms (0 for strategies without a pool). */
  startupsMs: number[];
  /** What warm-up found in each process that warmed the cell. */
  warmups: Array<WarmupReport & { process: number }>;
  /** A failed cell, as the child reported it or as the supervisor judged the child's death. */
  failure?: CellFailureReport;
  /** The strategy cannot run this workload: recorded as `skipped` with this reason. */
  skipReason?: string;
  /** Tasks per message the cell's strategy chose (--batch) in the first process; later ones reuse it. */
  batching?: BatchChoice;
  /** Batches per sample, calibrated in the first process that measured the cell; later ones reuse it. */
  repeats?: number;
}

/** One workload (at one libuv pool size) of a run: what its measuring processes have delivered so far. */
export interface WorkloadRecord {
  /** What the user named: a built-in id or a file path. */
  spec: string;
  workloadUrl: string;
  info?: { id: string; kind: WorkloadKind; size: number; tasks: number; criticalPathMs?: number };
  cells: CellRecord[];
  /** The workload could not run at all; `usage` when the user's file is at fault (exit 2). */
  fatal?: { error: SerializedError; usage: boolean };
  setupData?: unknown;
  /**
   * UV_THREADPOOL_SIZE for this record's measuring children (--uv-threadpool); unset inherits the CLI's environment.
   */
  uvThreadpoolSize?: number;
  /** Measuring processes started so far (the next one's index), and how many of them ran to the end. */
  processes: number;
  completed: number;
  /** The wall time the processes took together (start-up included), ms. */
  elapsedMs: number;
  /** Of that, the time from starting each process to its first timed sample (load, setup, pools, calibration), ms. */
  startupMs: number;
  /**
   * Of that, each process's warm-up (its cells one by one, then their refresh turns), by process index, ms: what
   * --max-time leaves out for the minimum of processes (process-plan.ts).
   */
  warmupsMs: number[];
  /** Traced batches, by cell key. */
  trace?: TraceCapture;
}

/** What one measuring process is asked to do: the run's config, and what this process in particular takes. */
export interface ProcessSettings {
  config: MeasureConfig;
  rounds: RoundPlan;
  usableCores: number;
  /** Traced batches per cell this process takes after its timed rounds. */
  traceSamples: number;
  /** Cells that need no more samples (precise already): left out of this process. */
  done?: ReadonlySet<string>;
}

/** A fresh record for one workload of a run (at one libuv pool size), its cells planned from the config. */
export function newRecord(
  spec: string,
  config: Pick<MeasureConfig, 'strategies' | 'threads'>,
  uvThreadpoolSize?: number,
): WorkloadRecord {
  return {
    spec,
    ...(uvThreadpoolSize !== undefined ? { uvThreadpoolSize } : {}),
    workloadUrl: resolveWorkloadUrl(spec),
    cells: planCells(config.strategies, config.threads).map((cell) => ({
      ...cell,
      samples: [],
      startupsMs: [],
      warmups: [],
    })),
    processes: 0,
    completed: 0,
    elapsedMs: 0,
    startupMs: 0,
    warmupsMs: [],
  };
}

/** Cells a new measuring process should take: every one that has not failed or been skipped. */
export function liveCells(record: WorkloadRecord): CellRecord[] {
  return record.cells.filter((cell) => cell.failure === undefined && cell.skipReason === undefined);
}
