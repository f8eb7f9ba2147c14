import type { Environment } from '../../results/schema.js';
import { DEFAULT_MARGIN, NOISY_TIMING_CV_PCT } from '../../judgement/thresholds.js';
import { formatPercent } from '../../format/numbers.js';

/**
 * What the machine probe of a run (a plain spin before any workload, and the steal over the run) says about the
 * machine that needs the reader's attention: timing noise, the hypervisor's steal, or cores that did not deliver.
 * Each is a warning because it moves every figure of the run, not one cell; none is drawn without a probe.
 */
export function machineWarnings(environment: Environment): string[] {
  const probe = environment.machine;
  if (probe === undefined) return [];
  const warnings: string[] = [];
  if (probe.noiseCvPct > NOISY_TIMING_CV_PCT) {
    warnings.push(
      `a noisy machine: a plain spin varied by ${probe.noiseCvPct.toFixed(1)} % (CV, over ` +
        `${NOISY_TIMING_CV_PCT} %): other work shared the cores, and every figure carries it`,
    );
  }
  // Steal beyond the margin can move a figure by more than the margin a verdict resolves.
  if (probe.stealPct !== null && probe.stealPct > DEFAULT_MARGIN * 100) {
    warnings.push(
      `the hypervisor took ${probe.stealPct.toFixed(1)} % of the CPU time (steal, over ` +
        `${formatPercent(DEFAULT_MARGIN)}): figures moved by that much`,
    );
  }
  const top = probe.threads.at(-1);
  if (top !== undefined && top.deliveredCores < top.threads * (1 - DEFAULT_MARGIN)) {
    warnings.push(
      `${top.threads} threads side by side delivered ${top.deliveredCores.toFixed(2)} cores of ${top.threads} ` +
        `(plain spin): other work or the host held the rest`,
    );
  }
  return warnings;
}
