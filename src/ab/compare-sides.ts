import type { Benchmark, ResultFile } from '../results/schema.js';
import { pairedRatio } from '../runner/pairs.js';
import type { TaggedSample } from '../runner/supervisor.js';

export type AbVerdict = 'slower' | 'faster' | 'same' | 'inconclusive' | 'not comparable';

/** One benchmark measured under both versions, head against base. */
export interface AbRow {
  id: string;
  baseMedianMs: number | null;
  headMedianMs: number | null;
  /** Median over paired rounds of head's sample / base's (same process number, same round): above 1 is slower. */
  ratio: number | null;
  low: number | null;
  high: number | null;
  pairs: number;
  verdict: AbVerdict;
  reason: string;
}

export interface AbComparison {
  threshold: number;
  rows: AbRow[];
  regressions: AbRow[];
}

/** A file's samples with where they came from, as the engine tagged them. */
export function taggedSamples(benchmark: Benchmark): TaggedSample[] {
  return benchmark.samplesMs.map((wallMs, index) => ({
    wallMs,
    process: benchmark.samplesProcess[index] ?? 0,
    round: benchmark.samplesRound[index] ?? index,
    cpuUserMs: 0,
    cpuSystemMs: 0,
    loopActiveMs: 0,
    loopIdleMs: 0,
    delayP99Ms: 0,
  }));
}

/**
 * Head against base, benchmark by benchmark. The two sides' processes alternated (base 1, head 1, base 2…), so
 * head's process i ran right after base's process i: their rounds are paired, and what drifted between them
 * cancels in the ratio. The verdict reads the interval against ±threshold: slower only when all of it is above.
 */
export function compareSides(base: ResultFile, head: ResultFile, threshold: number): AbComparison {
  const rows = base.benchmarks.map((before): AbRow => {
    const after = head.benchmarks.find((candidate) => candidate.id === before.id);
    const empty = { id: before.id, baseMedianMs: null, headMedianMs: null, ratio: null, low: null, high: null, pairs: 0 };
    if (after === undefined || before.status !== 'ok' || after.status !== 'ok') {
      return { ...empty, verdict: 'not comparable', reason: after === undefined ? 'not in head' : `base ${before.status}, head ${after.status}` };
    }
    const paired = pairedRatio(taggedSamples(after), taggedSamples(before));
    const figures = { ...empty, baseMedianMs: before.stats.median, headMedianMs: after.stats.median };
    if (paired === undefined) return { ...figures, verdict: 'not comparable', reason: 'no round holds both' };
    const measured = { ...figures, ratio: paired.estimate, low: paired.low, high: paired.high, pairs: paired.pairs };
    if (paired.low > 1 + threshold) return { ...measured, verdict: 'slower', reason: `all of the interval is above +${pct(threshold)}` };
    if (paired.high < 1 - threshold) return { ...measured, verdict: 'faster', reason: `all of the interval is below −${pct(threshold)}` };
    if (paired.low >= 1 - threshold && paired.high <= 1 + threshold) return { ...measured, verdict: 'same', reason: `the interval is within ±${pct(threshold)}` };
    return { ...measured, verdict: 'inconclusive', reason: `the interval straddles ±${pct(threshold)}: more processes would decide` };
  });
  return { threshold, rows, regressions: rows.filter((row) => row.verdict === 'slower') };
}

function pct(fraction: number): string {
  return `${Number((fraction * 100).toFixed(1))} %`;
}
