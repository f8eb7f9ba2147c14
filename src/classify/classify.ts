import { formatPercent } from '../report/format.js';
import type { Benchmark, OkBenchmark } from '../results/schema.js';

/**
 * Reads a short run of one workload (sequential, concurrent, parallel and, when the workload splits its task,
 * hybrid) and says what kind of work it is and what to use, from the measurements alone: the declared kind
 * is shown beside the verdict, never used for it.
 *
 * - Sequential keeps the main thread busy (event-loop utilization) nearly all the time → CPU-bound: there is
 *   no waiting to overlap, only computing to spread over threads.
 * - Otherwise the tasks wait. Run concurrently, all waits overlap; if the one thread is then busy at least
 *   half the time, computing has become the bottleneck → mixed: overlap waits and move the computing to a
 *   pool (hybrid). If not → I/O-bound: concurrency is enough, a pool only adds overhead.
 */

export type WorkClass = 'io' | 'cpu' | 'mixed';

/** Sequential busier than this is CPU-bound: under a quarter of its time is left to overlap. */
const CPU_BOUND_BUSY = 0.75;
/** Concurrent busier than this has run out of waiting to hide its computing behind. */
const COMPUTE_BOTTLENECK_BUSY = 0.5;
/** Below this a strategy's gain is within the noise of a shared machine. */
const REAL_GAIN = 1.25;
/** Thread counts whose speedup is within this share of the best count as equally good: pick the fewest. */
const NEAR_BEST = 0.95;

export interface SpeedupAt {
  threads: number;
  speedup: number;
}

export interface Evidence {
  tasks: number;
  sequentialMedianMs: number;
  /** Process CPU time / wall time under sequential: ~1 when one core computes all the time. */
  cpuPerWall: number;
  /** Main-thread event-loop utilization under sequential, and under concurrent. */
  eventLoopUtilization: number;
  concurrentEventLoopUtilization: number | null;
  concurrentSpeedup: number | null;
  parallelSpeedup: SpeedupAt[];
  /** Null when the workload has no wait/compute split (hybrid skipped). */
  hybridSpeedup: SpeedupAt[] | null;
}

export interface Recommendation {
  strategy: 'concurrent' | 'parallel' | 'hybrid';
  /** Pool size for `parallel` and `hybrid`. */
  threads: number | null;
}

export interface Classification {
  workload: { id: string; declaredKind: string; source: string };
  class: WorkClass;
  recommendation: Recommendation;
  /** Plain-language reasons, each quoting a measured figure. */
  reasons: string[];
  evidence: Evidence;
}

type Measured = OkBenchmark & { derived: NonNullable<OkBenchmark['derived']> };

function measured(benchmarks: Benchmark[], strategy: string): Measured[] {
  return benchmarks
    .filter((benchmark): benchmark is Measured => benchmark.status === 'ok' && benchmark.derived !== null && benchmark.strategy === strategy)
    .sort((a, b) => a.threads - b.threads);
}

/** Throws when the sequential baseline has no figures: nothing can be classified without it. */
export function classifyWorkload(benchmarks: Benchmark[], usableCores: number): Classification {
  const sequential = measured(benchmarks, 'sequential')[0];
  if (sequential === undefined) {
    const failed = benchmarks.find((benchmark) => benchmark.strategy === 'sequential');
    const why = failed !== undefined && failed.status !== 'ok' ? `${failed.status}: ${'error' in failed ? failed.error.message : failed.reason}` : 'no figures';
    throw new Error(`cannot classify: the sequential baseline has ${why}`);
  }
  const concurrent = measured(benchmarks, 'concurrent')[0];
  const parallel = measured(benchmarks, 'parallel').map(speedupAt);
  const hybridCells = measured(benchmarks, 'hybrid');
  const hybridSkipped = benchmarks.some((benchmark) => benchmark.strategy === 'hybrid' && benchmark.status === 'skipped');
  const evidence: Evidence = {
    tasks: sequential.workload.tasks,
    sequentialMedianMs: sequential.stats.median,
    cpuPerWall: sequential.cpu.effectiveParallelism,
    eventLoopUtilization: sequential.eventLoop.utilization,
    concurrentEventLoopUtilization: concurrent?.eventLoop.utilization ?? null,
    concurrentSpeedup: concurrent?.derived.speedup ?? null,
    parallelSpeedup: parallel,
    hybridSpeedup: hybridSkipped || hybridCells.length === 0 ? null : hybridCells.map(speedupAt),
  };

  const busy = formatPercent(evidence.eventLoopUtilization);
  const reasons: string[] = [];
  let workClass: WorkClass;
  if (evidence.eventLoopUtilization >= CPU_BOUND_BUSY) {
    workClass = 'cpu';
    reasons.push(`run one at a time, the main thread computes ${busy} of the time (CPU/wall ${evidence.cpuPerWall.toFixed(2)}): there is little waiting to overlap`);
  } else if ((evidence.concurrentEventLoopUtilization ?? 0) >= COMPUTE_BOTTLENECK_BUSY) {
    workClass = 'mixed';
    reasons.push(
      `run one at a time, the main thread is busy only ${busy} of the time: the tasks wait`,
      `run concurrently, the waits overlap and the one thread is busy ${formatPercent(evidence.concurrentEventLoopUtilization ?? 0)} of the time: computing is now the bottleneck`,
    );
  } else {
    workClass = 'io';
    reasons.push(`run one at a time, the main thread is busy only ${busy} of the time: the tasks mostly wait`);
    if (evidence.concurrentEventLoopUtilization !== null) {
      reasons.push(`run concurrently, the thread is still idle ${formatPercent(1 - evidence.concurrentEventLoopUtilization)} of the time: it has room for more`);
    }
  }

  if (evidence.concurrentSpeedup !== null) {
    reasons.push(
      evidence.concurrentSpeedup >= REAL_GAIN
        ? `concurrent (Promise.all) ran ${ratio(evidence.concurrentSpeedup)} faster than sequential`
        : `concurrent (Promise.all) gained nothing (${ratio(evidence.concurrentSpeedup)})${workClass === 'io' ? ': the waits do not overlap — something (a lock, a connection limit) serialises them' : ''}`,
    );
  }
  for (const { threads, speedup } of parallel) reasons.push(`parallel on ${threads} thread${threads === 1 ? '' : 's'}: ${ratio(speedup)}`);
  for (const { threads, speedup } of evidence.hybridSpeedup ?? []) reasons.push(`hybrid on ${threads} thread${threads === 1 ? '' : 's'}: ${ratio(speedup)}`);

  const recommendation = recommend(workClass, evidence, usableCores);
  if (workClass === 'io' && parallel.length > 0 && evidence.concurrentSpeedup !== null) {
    const bestPool = Math.max(...parallel.map((point) => point.speedup));
    if (bestPool < evidence.concurrentSpeedup) reasons.push(`a pool only adds overhead: its best (${ratio(bestPool)}) is below concurrent's`);
  }
  if (workClass === 'mixed' && evidence.hybridSpeedup === null) {
    reasons.push('hybrid was not measured: give the workload "wait" and "compute" steps to measure it (README: hybrid)');
  }
  return {
    workload: { id: sequential.workload.id, declaredKind: sequential.workload.kind, source: sequential.workload.source },
    class: workClass,
    recommendation,
    reasons,
    evidence,
  };
}

function recommend(workClass: WorkClass, evidence: Evidence, usableCores: number): Recommendation {
  if (workClass === 'io') return { strategy: 'concurrent', threads: null };
  if (workClass === 'cpu') return { strategy: 'parallel', threads: fewestNearBest(evidence.parallelSpeedup) ?? usableCores };
  return { strategy: 'hybrid', threads: fewestNearBest(evidence.hybridSpeedup ?? []) ?? usableCores };
}

/** The fewest threads whose speedup is within NEAR_BEST of the best: more threads that buy nothing cost memory. */
function fewestNearBest(points: SpeedupAt[]): number | undefined {
  if (points.length === 0) return undefined;
  const best = Math.max(...points.map((point) => point.speedup));
  return points.find((point) => point.speedup >= best * NEAR_BEST)?.threads;
}

function speedupAt(benchmark: Measured): SpeedupAt {
  return { threads: benchmark.threads, speedup: benchmark.derived.speedup };
}

function ratio(value: number): string {
  return `${value.toFixed(2)}×`;
}
