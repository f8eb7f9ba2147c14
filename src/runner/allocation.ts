import type { VarianceComponents } from '../stats/variance-components.js';

/**
 * How many rounds each further measuring process should take. A run's time goes to processes (each costs its
 * start-up, c) and rounds (each costs r). With `between` the variance between processes and `within` the variance
 * of one round's sample, the variance of the overall centre over P processes of m rounds is
 * (between + within / m) / P, and the time is P · (c + m · r). For a fixed time that is smallest at
 * m* = √(within · c / (between · r)): many short processes when processes differ a lot (their spread can only be
 * averaged away by more of them), few long ones when they agree (start-up is then wasted). Node core's compare.js
 * (one sample a process) and pyperf (three) sit at the first end; a plain in-process benchmark at the other.
 */
export function roundsPerProcess(
  components: VarianceComponents,
  startupMs: number,
  roundMs: number,
  bounds: { min: number; max: number },
): number {
  const { within, between } = components;
  if (!(roundMs > 0) || !(startupMs >= 0)) return bounds.min;
  if (between <= 0) return bounds.max;
  const best = Math.sqrt((within * startupMs) / (between * roundMs));
  return Math.max(bounds.min, Math.min(bounds.max, Math.round(best)));
}
