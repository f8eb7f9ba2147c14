import type { SerializedError } from '../errors.js';
import type { MeasureConfig } from '../results/config-schema.js';
import type { WarmupReport } from '../results/warmup-schema.js';
import type { BatchChoice } from '../strategies/batch-size.js';
import type { StrategyName } from '../strategies/index.js';
import type { TraceCapture } from '../trace/model.js';
import type { WorkloadKind } from '../workload.js';
import type { CellFailureReport } from './cell-failure.js';

/** One cell as the measuring child sees it. */
export interface CellJob {
  id: string;
  strategy: StrategyName;
  threads: number;
  /** Batches per sample, calibrated by an earlier process of this run; absent: calibrate here. */
  repeats?: number;
  /** Tasks per message for `parallel`, as an earlier process of this run chose it; absent: the job's `batch`. */
  batch?: number;
}

/**
 * How many rounds one measuring process takes: exactly `count` (--rounds), or as many as fit in `sliceMs` of
 * measuring, but at least `minRounds` (a spread needs a few) and at most `maxRounds` — and never past `limitMs`
 * (what is left of the workload's --max-time) once MIN_ALLOCATED_ROUNDS are in.
 */
export type RoundPlan =
  | { kind: 'fixed'; count: number }
  | { kind: 'timed'; sliceMs: number; limitMs: number; minRounds: number; maxRounds: number };

/**
 * Everything the measuring child needs for one workload, sent once over IPC: the run's config as the user set it,
 * and what this process in particular takes (its cells, its rounds, its traced batches).
 */
export interface MeasureJob {
  config: MeasureConfig;
  workloadUrl: string;
  cells: CellJob[];
  rounds: RoundPlan;
  usableCores: number;
  /** Traced batches per cell, taken after the timed rounds and never counted among them (--trace-samples). */
  traceSamples: number;
  /** Which measuring process of the run this is (0-based): traced batches carry it. */
  processIndex: number;
  /** Where the watchdog reports a stalled main thread (a pipe the supervisor reads); absent: no watchdog. */
  watchdogFd?: number;
}

export type Phase = 'load' | 'setup' | 'startup' | 'warmup' | 'calibrate' | 'sample' | 'trace' | 'teardown';

/** One sample: `repeats` batches timed together. Every figure is per batch (the sample's total / repeats). */
export interface SampleReading {
  wallMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  /** Event-loop busy and idle time of the measuring process during the sample, ms. */
  loopActiveMs: number;
  loopIdleMs: number;
  /** 99th percentile of event-loop delay over this cell's samples so far in this process, ms. */
  delayP99Ms: number;
}

/** `continue`: the supervisor has dealt with a finished round (written the file); the child may go on. */
export type ParentMessage = { type: 'job'; job: MeasureJob } | { type: 'stop' } | { type: 'continue' };

export type ChildMessage =
  /** Sent after loading, and again after setup when the workload states a critical path (`criticalPathMs`). */
  | { type: 'workload'; id: string; kind: WorkloadKind; size: number; tasks: number; criticalPathMs?: number }
  /** Sent before each step that could hang, so the supervisor can kill the child past `deadlineMs`. */
  | { type: 'phase'; phase: Phase; cellId: string | null; deadlineMs: number }
  | { type: 'setup-data'; data: unknown }
  | { type: 'cell-ready'; cellId: string; startupMs: number; batching?: BatchChoice }
  /** What warm-up found for this cell in this process. */
  | { type: 'warmed'; cellId: string; report: WarmupReport }
  /** Batches per sample this cell will use in every process of the run. */
  | { type: 'calibrated'; cellId: string; repeats: number }
  | { type: 'sample'; cellId: string; round: number; reading: SampleReading }
  /** One traced batch of a cell: when each of its tasks ran, and where. */
  | { type: 'trace'; cellId: string; capture: TraceCapture }
  | ({ type: 'cell-failed'; cellId: string } & CellFailureReport)
  /** The strategy cannot run this workload (e.g. hybrid without a wait/compute split): not a failure. */
  | { type: 'cell-skipped'; cellId: string; reason: string }
  /** The child waits for `continue` before its next round, so the supervisor's work never overlaps a sample. */
  | { type: 'round-done'; round: number }
  /** The workload as a whole cannot run (it would not load, or setup threw). `usage`: the user's file is at fault. */
  | { type: 'fatal'; error: SerializedError; usage: boolean }
  | { type: 'done' };
