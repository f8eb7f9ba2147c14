import { cellIdealSpeedup, type LaneOffer, OFFERS, type OfferQuery } from '../stats/ideal.js';
import { tukeyOutliers } from '../stats/outliers.js';

/** What a version 1 file's cells were judged against: the default --precision of version 2. */
const V1_PRECISION_PCT = 3;

type Json = Record<string, unknown>;

/**
 * A version 1 file in version 2's shape, so every reader handles one shape. Version 1 measured each workload in
 * one process, one batch per sample, and gave the interval of the mean: so every sample came from process 0, in
 * round order; `repeats` is 1; the median's interval is read off the old half-width around the median; the
 * precision is "not met" since one process cannot show the spread between processes; speedups were ratios of
 * medians, not paired (`pairs` 0). Anything malformed is left for the schema to refuse.
 */
export function upgradeFromV1(file: Json): Json {
  const benchmarks = Array.isArray(file.benchmarks) ? file.benchmarks.map(upgradeBenchmark) : file.benchmarks;
  const config = isObject(file.config) ? { ...file.config, processes: 1 } : file.config;
  return { ...file, schemaVersion: 2, config, benchmarks };
}

function upgradeBenchmark(entry: unknown): unknown {
  if (!isObject(entry) || !Array.isArray(entry.samplesMs)) return entry;
  const samples = entry.samplesMs as unknown[];
  const samplesRound = samples.map((_, index) => index);
    const upgraded: Json = { ...entry, samplesProcess: samples.map(() => 0), samplesRound };
  if (entry.status !== 'ok' || !isObject(entry.stats)) return upgraded;
  const { median, ci95, rme } = entry.stats;
  if (typeof median !== 'number' || typeof ci95 !== 'number' || typeof rme !== 'number') return upgraded;
  const numbers = samples.filter((sample): sample is number => typeof sample === 'number');
  return {
    ...upgraded,
    stats: { ...entry.stats, medianCi95: [Math.max(0, median - ci95), median + ci95] },
    precision: { targetPct: V1_PRECISION_PCT, reachedPct: rme, met: false },
    outliers: tukeyOutliers(numbers),
    repeats: 1,
    processes: 1,
    derived: isObject(entry.derived) ? { ...entry.derived, pairs: 0 } : entry.derived,
  };
}

/**
 * How each strategy a version 2 file can hold runs a batch: the strategies of version 2, a closed list, named here
 * so results/ never reads the live strategies (they depend on results/).
 */
const V2_OFFERS: Readonly<Record<string, (query: OfferQuery) => LaneOffer>> = {
  sequential: OFFERS.oneAtATime,
  concurrent: OFFERS.allOnOneLoop,
  parallel: OFFERS.pool,
  raw: OFFERS.pool,
  hybrid: OFFERS.waitsThenPool,
};

/**
 * A version 2 file in version 3's shape. Version 3 changed what `derived.idealSpeedup` means: a pool's lanes are
 * no longer capped at the core count whatever the work, they follow the computing the work needs, read from the
 * same workload's sequential cell (stats/ideal.ts). Every figure that rule needs is in a version 2 file, so the
 * ideal and the efficiency are worked out again here and every reader sees the one rule. And `stats.ci95` and
 * `stats.rme` are gone: they restated the median's interval and the precision reached.
 */
export function upgradeFromV2(file: Json): Json {
  if (!Array.isArray(file.benchmarks)) return { ...file, schemaVersion: 3 };
  const entries = file.benchmarks as unknown[];
  const usableCores = isObject(file.environment) ? file.environment.usableCores : undefined;
  const maxInFlight = isObject(file.config) ? (file.config.maxInFlight ?? null) : null;
  const benchmarks = entries.map((entry) =>
    isObject(entry) && entry.status === 'ok'
      ? withoutOldStats(idealOfV3(entry, entries, usableCores, maxInFlight))
      : entry,
  );
  return { ...file, schemaVersion: 3, benchmarks };
}

/** The ideal and the efficiency by version 3's rule, from the same workload's sequential cell. */
function idealOfV3(entry: Json, entries: readonly unknown[], usableCores: unknown, maxInFlight: unknown): Json {
  const { derived, workload } = entry;
  if (!isObject(derived) || !isObject(workload)) return entry;
  const { speedup } = derived;
  const sequential = entries.find(
    (other) =>
      isObject(other) &&
      other.status === 'ok' &&
      other.strategy === 'sequential' &&
      isObject(other.workload) &&
      other.workload.id === workload.id &&
      other.uvThreadpoolSize === entry.uvThreadpoolSize,
  ) as Json | undefined;
  const coresBusy = isObject(sequential?.cpu) ? sequential.cpu.effectiveParallelism : undefined;
  const loopBusy = isObject(sequential?.eventLoop) ? sequential.eventLoop.utilization : undefined;
  const { tasks } = workload;
  if (
    typeof speedup !== 'number' ||
    typeof coresBusy !== 'number' ||
    typeof loopBusy !== 'number' ||
    typeof workload.kind !== 'string' ||
    typeof usableCores !== 'number' ||
    typeof tasks !== 'number' ||
    typeof entry.strategy !== 'string' ||
    typeof entry.threads !== 'number' ||
    (maxInFlight !== null && typeof maxInFlight !== 'number')
  )
    return entry;
  const offer = V2_OFFERS[entry.strategy]?.({ tasks, threads: entry.threads, usableCores, maxInFlight });
  if (offer === undefined) return entry;
  const ideal = cellIdealSpeedup(tasks, offer, { coresBusy, loopBusy, kind: workload.kind });
  return { ...entry, derived: { ...derived, idealSpeedup: ideal, efficiency: speedup / ideal } };
}

/** Version 2's `stats.ci95` and `stats.rme` restated `medianCi95` and `precision.reachedPct` under other names. */
function withoutOldStats(entry: Json): Json {
  if (!isObject(entry.stats)) return entry;
  const { ci95: _ci95, rme: _rme, ...stats } = entry.stats;
  return { ...entry, stats };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
