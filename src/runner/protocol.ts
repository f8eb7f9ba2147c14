import type { SerializedError } from '../errors.js';
import type { BatchChoice, BatchSetting } from '../strategies/batch-size.js';
import type { StrategyName } from '../strategies/index.js';
import type { WorkloadKind } from '../workload.js';
import type { CellFailureReport } from './cell-failure.js';

/** One cell as the measuring child sees it. */
export interface CellJob {
  id: string;
  strategy: StrategyName;
  threads: number;
  /** Samples still to take (a restarted child only takes what is missing). */
  samplesWanted: number;
}

/** Everything the measuring child needs for one workload; sent once over IPC. */
export interface MeasureJob {
  workloadUrl: string;
  /** Null: the workload's defaultSize. */
  size: number | null;
  /** Null: the workload's defaultTasks, else `fallbackTasks`. */
  tasks: number | null;
  fallbackTasks: number;
  cells: CellJob[];
  warmupRounds: number;
  taskTimeoutMs: number;
  maxInFlight: number | null;
  usableCores: number;
  /** Heap cap of each pool worker (--worker-max-old-space-mb); absent: Node's default. */
  workerMaxOldSpaceMb?: number;
  /** Where the watchdog reports a stalled main thread (a pipe the supervisor reads); absent: no watchdog. */
  watchdogFd?: number;
  /** Tasks per message for `parallel` (--batch); absent: one task per message. */
  batch?: BatchSetting;
}

export type Phase = 'load' | 'setup' | 'startup' | 'warmup' | 'sample' | 'teardown';

export interface SampleReading {
  wallMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  /** Event-loop busy and idle time of the measuring process during the sample, ms. */
  loopActiveMs: number;
  loopIdleMs: number;
  /** 99th percentile of event-loop delay over this cell's samples so far, ms. */
  delayP99Ms: number;
}

export type ParentMessage = { type: 'job'; job: MeasureJob } | { type: 'stop' };

export type ChildMessage =
  /** Sent after loading, and again after setup when the workload states a critical path (`criticalPathMs`). */
  | { type: 'workload'; id: string; kind: WorkloadKind; size: number; tasks: number; criticalPathMs?: number }
  /** Sent before each step that could hang, so the supervisor can kill the child past `deadlineMs`. */
  | { type: 'phase'; phase: Phase; cellId: string | null; deadlineMs: number }
  | { type: 'setup-data'; data: unknown }
  | { type: 'cell-ready'; cellId: string; startupMs: number; batching?: BatchChoice }
  | { type: 'sample'; cellId: string; reading: SampleReading }
  | ({ type: 'cell-failed'; cellId: string } & CellFailureReport)
  /** The strategy cannot run this workload (e.g. hybrid without a wait/compute split): not a failure. */
  | { type: 'cell-skipped'; cellId: string; reason: string }
  | { type: 'round-done'; round: number }
  /** The workload as a whole cannot run (it would not load, or setup threw). `usage`: the user's file is at fault. */
  | { type: 'fatal'; error: SerializedError; usage: boolean }
  | { type: 'done' };
