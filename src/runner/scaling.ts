import type { Benchmark, OkBenchmark } from '../results/schema.js';
import type { ScalingEntry } from '../results/scaling-schema.js';
import { AMDAHL_MIN_THREAD_COUNTS, amdahlScaling, fitAmdahl } from '../stats/amdahl.js';
import type { InsufficientFit, ScalingPoint } from '../stats/scaling-points.js';
import { fitUsl, USL_MIN_THREAD_COUNTS, uslScaling } from '../stats/usl.js';
import { STRATEGIES } from '../strategies/index.js';

/** Machines this many times larger than the one measured are what the predictions describe. */
export const PREDICTION_CORE_MULTIPLES = [2, 4] as const;

/**
 * Amdahl and USL fits for every CPU-bound workload and every strategy that sweeps thread counts, read off the
 * aggregated figures. Pure: the same benchmarks always give the same entries.
 *
 * Which points are fitted: only thread counts up to the usable cores. Both laws model how capacity grows when
 * N threads get N processors; beyond the cores, threads share processors and the flat line that follows is the
 * hardware's limit, not contention (σ) or coherency (κ). Fitting those points would charge the core count to
 * σ and κ and make N* merely echo the core count. They stay in `points` with `used: false` so reports can still
 * draw them. On a 2-core machine this leaves at most two points, fewer than either law needs: the entry then
 * says so instead of giving a number.
 *
 * Capacity is relative to the same strategy's 1-thread cell (the textbook C(N) = X(N) / X(1)); the constant cost
 * of moving work off the main thread is left out of the fit and kept in `t1Speedup`.
 */
export function scalingFits(benchmarks: readonly Benchmark[], usableCores: number): ScalingEntry[] {
  const sweeping = new Set(STRATEGIES.filter((strategy) => strategy.usesThreads).map((strategy) => strategy.name));
  const groups = new Map<string, Benchmark[]>();
  for (const benchmark of benchmarks) {
    if (benchmark.workload.kind !== 'cpu' || !sweeping.has(benchmark.strategy)) continue;
    const key = JSON.stringify([benchmark.workload.id, benchmark.strategy, benchmark.uvThreadpoolSize ?? null]);
    groups.set(key, [...(groups.get(key) ?? []), benchmark]);
  }
  return [...groups.values()].map((group) => scalingEntry(group, usableCores));
}

function scalingEntry(group: Benchmark[], usableCores: number): ScalingEntry {
  const first = group[0] as Benchmark;
  // A zero median (a no-op workload under a coarse clock) has no finite ratio: such a cell cannot be a point.
  const measured = group
    .filter((benchmark): benchmark is OkBenchmark => benchmark.status === 'ok' && benchmark.stats.median > 0)
    .sort((a, b) => a.threads - b.threads);
  const reference = measured.find((benchmark) => benchmark.threads === 1);
  const points =
    reference === undefined
      ? []
      : measured.map((benchmark) => ({
          threads: benchmark.threads,
          scaling: reference.stats.median / benchmark.stats.median,
          used: benchmark.threads <= usableCores,
        }));
  const fitted: ScalingPoint[] = points.filter((point) => point.used);

  const amdahl =
    reference === undefined
      ? noReference('Amdahl', group)
      : (tooFew('Amdahl', AMDAHL_MIN_THREAD_COUNTS, fitted, usableCores) ?? fitAmdahl(fitted));
  const usl =
    reference === undefined
      ? noReference('USL', group)
      : (tooFew('USL', USL_MIN_THREAD_COUNTS, fitted, usableCores) ?? fitUsl(fitted));
  return {
    workload: first.workload.id,
    strategy: first.strategy,
    ...(first.uvThreadpoolSize !== undefined ? { uvThreadpoolSize: first.uvThreadpoolSize } : {}),
    usableCores,
    t1Speedup: reference?.derived?.speedup ?? null,
    points,
    amdahl,
    usl,
    predictions: PREDICTION_CORE_MULTIPLES.map((multiple) => {
      const threads = usableCores * multiple;
      return {
        threads,
        amdahl: amdahl.status === 'ok' ? amdahlScaling(amdahl.serialFraction, threads) : null,
        usl: usl.status === 'ok' ? uslScaling(usl.sigma, usl.kappa, threads) : null,
      };
    }),
  };
}

/** No 1-thread figures to scale from: because the run left 1 thread out (--threads), or because that cell failed. */
function noReference(model: string, group: readonly Benchmark[]): InsufficientFit {
  const ran = group.some((benchmark) => benchmark.threads === 1);
  return {
    status: 'insufficient',
    reason: ran
      ? `${model}: the 1-thread cell has no figures, so there is nothing to scale from`
      : `${model}: the run did not include 1 thread, so there is nothing to scale from (add 1 to --threads)`,
  };
}

/** Too few thread counts within the cores: says so, and what would fix it (a wider sweep, or a bigger machine). */
function tooFew(
  model: string,
  needed: number,
  fitted: ScalingPoint[],
  usableCores: number,
): InsufficientFit | undefined {
  const have = [...new Set(fitted.map((point) => point.threads))];
  if (have.length >= needed) return undefined;
  const advice =
    usableCores < needed
      ? `not possible on ${usableCores} cores (above the cores, threads measure oversubscription, not scaling)`
      : `run with --threads 1-${usableCores}`;
  return {
    status: 'insufficient',
    reason:
      `${model} needs ${needed} thread counts from 1 to the ${usableCores} usable cores, this run has ` +
      `${have.length} (${have.join(', ') || 'none'}): ${advice}`,
  };
}

/** The result with its `scaling` entries computed from its own benchmarks (an empty list when none applies). */
export function withScalingFits<Result extends { benchmarks: Benchmark[]; environment: { usableCores: number } }>(
  result: Result,
): Result & { scaling: ScalingEntry[] } {
  return { ...result, scaling: scalingFits(result.benchmarks, result.environment.usableCores) };
}
