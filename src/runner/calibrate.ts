/**
 * Batches per sample. A sample shorter than the machine's scheduling noise measures the noise: on the 2-core
 * development VM, a CPU-bound batch of 5-20 ms varied by 10-20 % from sample to sample. So a sample runs the
 * batch k times back to back, k chosen once per cell so that the sample lasts at least `minSampleMs`, and every
 * figure is divided by k again (per batch, as the user's task count defines it).
 */

/** More than this many batches per sample means the batch is too small to time as a unit at all. */
export const MAX_REPEATS = 100_000;
/** Calibration aims this much above the minimum, so a faster (warmer) later sample still clears it. */
const HEADROOM = 1.2;
const MAX_STEPS = 5;

/**
 * The smallest k whose timed sample lasted at least `minSampleMs`. `timeSample(k)` runs and times k batches, ms.
 * Each step scales k by how far the last sample fell short; JIT warm-up makes early samples slow, so it checks
 * again until one clears the minimum (or MAX_STEPS tries, taking the last k).
 */
export async function calibrateRepeats(
  timeSample: (repeats: number) => Promise<number>,
  minSampleMs: number,
): Promise<number> {
  let repeats = 1;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const elapsedMs = await timeSample(repeats);
    if (elapsedMs >= minSampleMs) return repeats;
    const perBatchMs = Math.max(elapsedMs / repeats, 1e-6);
    repeats = Math.min(MAX_REPEATS, Math.max(repeats + 1, Math.ceil((HEADROOM * minSampleMs) / perBatchMs)));
    if (repeats === MAX_REPEATS) return repeats;
  }
  return repeats;
}
