import type { StreamOutcome } from './open-loop.js';
import type { SerializedError } from '../errors.js';
import type { LatencySummary } from './histogram.js';

/** The ways `/compute` runs one task: inline on the event loop, or on the pool. */
export const SERVE_STRATEGIES = ['sequential', 'concurrent', 'parallel', 'hybrid'] as const;
export type ServeStrategy = (typeof SERVE_STRATEGIES)[number];

export function usesPool(strategy: ServeStrategy): boolean {
  return strategy === 'parallel' || strategy === 'hybrid';
}

/** What the server child is started with. Plain data: it crosses IPC. */
export interface ServerConfig {
  workloadUrl: string;
  /** The workload's own default when absent. */
  size?: number;
  strategy: ServeStrategy;
  threads: number;
  /**
   * Tasks one pool thread runs at once: 1 for CPU work; more lets an async task's waits overlap on a thread, as
   * they overlap on the event loop. When absent: 1 for a `cpu` workload, DEFAULT_TASKS_PER_THREAD otherwise.
   */
  tasksPerThread?: number;
  /** How long the child measures one task alone before it listens (the service time the sweep is scaled by). */
  probeMs: number;
}

/** An I/O or mixed workload's tasks per pool thread when the run does not say: its waits overlap on the thread. */
export const DEFAULT_TASKS_PER_THREAD = 16;

/** What the server child found in the workload module, and the settings it chose from it. */
export interface ServedWorkload {
  id: string;
  kind: string;
  size: number;
  tasksPerThread: number;
  hasSplit: boolean;
}

/** Server child → supervisor. */
export type ServerReport =
  | { type: 'ready'; port: number; address: string; serviceMs: number; workload: ServedWorkload }
  | { type: 'begun' }
  | { type: 'figures'; figures: ServerFigures }
  | { type: 'error'; error: SerializedError };

/** Supervisor → server child. `begin` waits for the server to go idle, then starts the readings. */
export type ServerCommand = { type: 'begin' } | { type: 'end' } | { type: 'close' };

/** What the server measured about itself over one offered rate. */
export interface ServerFigures {
  /** Event-loop delay p99 of the server's main thread, ms: how late anything it had to do started. */
  eventLoopDelayP99Ms: number;
  /**
   * The longest event-loop delay, ms. The delay monitor samples about once a millisecond while the loop is free and
   * once per block while it is not, so a few long blocks hide below its p99; the maximum shows them.
   */
  eventLoopDelayMaxMs: number;
  /** Share of the wall time the main thread's event loop was busy (performance.eventLoopUtilization). */
  eventLoopUtilization: number;
  /** CPU time of the whole server process (main thread and pool) over wall time: cores kept busy. */
  coresBusy: number;
  /** `/compute` requests whose task threw (answered 500). */
  taskErrors: number;
}

/** Supervisor → load child: one offered rate, both routes at once. */
export interface LoadConfig {
  computeUrl: string;
  healthUrl: string;
  computeRatePerS: number;
  healthRatePerS: number;
  durationMs: number;
  timeoutMs: number;
  computeSockets: number;
  healthSockets: number;
}

/**
 * One route's figures as the load process reports them: the stream's counts (open-loop.ts), its latencies summed up,
 * and the corrected histogram kept in the result file for re-analysis (HdrHistogram, compressed base64).
 */
export type RouteFigures = Omit<StreamOutcome, 'correctedUs' | 'uncorrectedUs'> & {
  corrected: LatencySummary;
  uncorrected: LatencySummary;
  histogram: string;
};

export type LoadReport =
  | { type: 'ready' }
  | { type: 'result'; compute: RouteFigures; health: RouteFigures }
  | { type: 'error'; error: SerializedError };
