import { performance } from 'node:perf_hooks';

/**
 * Times an asynchronous operation too short to time once: each sample is the mean over as many back-to-back
 * repetitions as fill `minSampleMs` (at least one, at most `maxRepetitions`). One unrecorded call first warms
 * the path and sizes the repetitions. Returns µs per operation, one figure per sample.
 */
export async function timePerOperationUs(
  operation: () => Promise<unknown>,
  options: { samples: number; minSampleMs: number; maxRepetitions?: number },
): Promise<number[]> {
  const maxRepetitions = options.maxRepetitions ?? 1000;
  let startedAt = performance.now();
  await operation();
  const onceMs = Math.max(performance.now() - startedAt, 0.001);
  const repetitions = Math.max(1, Math.min(maxRepetitions, Math.ceil(options.minSampleMs / onceMs)));
  const samplesUs: number[] = [];
  for (let sample = 0; sample < options.samples; sample += 1) {
    startedAt = performance.now();
    for (let repetition = 0; repetition < repetitions; repetition += 1) await operation();
    samplesUs.push(((performance.now() - startedAt) * 1000) / repetitions);
  }
  return samplesUs;
}
