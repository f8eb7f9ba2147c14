import type { Worker } from 'node:worker_threads';
import type { RanAt } from '../pool/messages.js';
import type { MeasureConfig } from '../results/config-schema.js';
import type { LaneOffer, OfferQuery } from '../stats/ideal.js';
import type { Workload } from '../workload.js';
import type { BatchChoice } from './batch-size.js';

/** What every strategy is given for one cell: the workload, where its module lives, and setup's data. */
export interface StrategyContext {
  workload: Workload;
  /** Module URL of the workload: worker threads import the very same module from it. */
  workloadUrl: string;
  data: unknown;
  size: number;
  /** A task that has not settled after this long fails the batch as a timeout. */
  taskTimeoutMs: number;
  /** Tasks each batch of this cell will run, when known: lets `--batch auto` size its messages. */
  tasks?: number;
}

/**
 * What a strategy takes from the run's settings (the measuring config, one object from the flags to here), plus the
 * cell's pool size. `maxInFlight` absent or null starts every task at once; `batch` absent sends one task per message.
 */
export type StrategyOptions = Partial<Pick<MeasureConfig, 'maxInFlight' | 'workerMaxOldSpaceMb' | 'batch'>> & {
  /** Pool size, for strategies that use threads. */
  threads: number;
};

/**
 * Records when each task of a traced batch ran, µs on the shared clock (trace/clock.ts). Given only for the
 * traced samples a run takes apart from its timed ones, so recording never costs a timed sample anything.
 */
export interface BatchTracer {
  /**
   * Warm-up's tracer: pool threads also report their GC total and used heap, waiting for their GC entries to arrive
   * first. A trace of a round's batch leaves it out, so its spans carry no such wait.
   */
  readsGc?: boolean;
  onMain(index: number, startUs: number, endUs: number): void;
  /**
   * A task on a pool thread: handed over at `dispatchUs`; `ranAt` says when it ran there, and the thread's GC total
   * and used heap at its end (when the thread could say).
   */
  onWorker(index: number, threadId: number, dispatchUs: number, ranAt: RanAt): void;
}

/** One strategy, ready to run batches. One interface for all, so the runner never special-cases them. */
export interface PreparedStrategy {
  readonly name: string;
  /** Start-up cost paid once while preparing (a pool's threads coming online), ms; 0 when none. */
  readonly startupMs: number;
  /**
   * Runs `tasks` tasks (indices 0..tasks-1) and resolves with their results in index order.
   * When any task fails, every other task is still awaited, then the batch rejects with a BatchFailure.
   */
  runBatch(tasks: number, tracer?: BatchTracer): Promise<unknown[]>;
  /** The pool's threads, for strategies that have one (each thread's event-loop utilization is read there). */
  workers?(): readonly Worker[];
  close(): Promise<void>;
  /** Tasks per message this cell sends, for strategies that batch (recorded in the result file). */
  readonly batching?: BatchChoice;
}

/**
 * A strategy as the rest of corescope sees it. Adding a strategy means one file exporting one of these and
 * one line in the registry (strategies/index.ts); nothing else switches on strategy names.
 */
export interface StrategyDescriptor {
  name: string;
  /** One line for --help and reports. */
  summary: string;
  /** Whether `threads` means something (a cell per thread count) or the strategy always runs as t1. */
  usesThreads: boolean;
  /** Runs only when named in --strategies, not by default (it suits only some workloads). */
  optIn?: boolean;
  prepare(context: StrategyContext, options: StrategyOptions): PreparedStrategy | Promise<PreparedStrategy>;
  /** What the strategy offers a batch: tasks in flight, lanes to compute on; the basis of ideal speedup (ideal.ts). */
  offer(query: OfferQuery): LaneOffer;
  /** Back-to-back waves of tasks a batch needs at worst: multiplies --task-timeout into a batch deadline. */
  waves(query: OfferQuery): number;
  /**
   * Why this strategy cannot run `workload` (e.g. `hybrid` needs the wait/compute split), or undefined when
   * it can. A cell it cannot run is recorded as `skipped` with this reason, not as a failure.
   */
  unsupportedReason?(workload: Workload): string | undefined;
}
