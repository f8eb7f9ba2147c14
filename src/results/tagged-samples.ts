import type { PairedSample } from '../stats/paired.js';
import type { Benchmark } from './schema.js';

/** A cell's samples with the process and round that took each, as a result file keeps them side by side. */
export function taggedSamples(benchmark: Pick<Benchmark, 'samplesMs' | 'samplesProcess' | 'samplesRound'>): PairedSample[] {
  return benchmark.samplesMs.map((wallMs, index) => ({
    wallMs,
    process: benchmark.samplesProcess[index] ?? 0,
    round: benchmark.samplesRound[index] ?? index,
  }));
}

/** The same samples grouped by measuring process, in process order: what a two-stage bootstrap resamples. */
export function samplesByProcess(benchmark: Pick<Benchmark, 'samplesMs' | 'samplesProcess'>): number[][] {
  const groups = new Map<number, number[]>();
  benchmark.samplesMs.forEach((wallMs, index) => {
    const process = benchmark.samplesProcess[index] ?? 0;
    let group = groups.get(process);
    if (group === undefined) groups.set(process, (group = []));
    group.push(wallMs);
  });
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, values]) => values);
}
