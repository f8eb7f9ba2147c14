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

/** The same samples grouped by measuring process, keyed by the process's index in the run, in process order. */
export function samplesByProcessIndex(
  benchmark: Pick<Benchmark, 'samplesMs' | 'samplesProcess'>,
): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  benchmark.samplesMs.forEach((wallMs, index) => {
    const process = benchmark.samplesProcess[index] ?? 0;
    let group = groups.get(process);
    if (group === undefined) groups.set(process, (group = []));
    group.push(wallMs);
  });
  return new Map([...groups.entries()].sort(([a], [b]) => a - b));
}

/** The samples grouped by measuring process, in process order: what a two-stage bootstrap resamples. */
export function samplesByProcess(benchmark: Pick<Benchmark, 'samplesMs' | 'samplesProcess'>): number[][] {
  return [...samplesByProcessIndex(benchmark).values()];
}
