import type { ResultFile } from '../../results/schema.js';
import type { ScalingEntry } from '../../results/scaling-schema.js';
import { formatPercent, formatRatio } from '../../format/numbers.js';

/**
 * The scaling-fit section of the terminal summary: per CPU-bound workload and thread-sweeping strategy, the
 * measured capacity per thread count, then Amdahl and the USL with what they predict for a machine with 2× and
 * 4× the cores — or, when a fit had too few points, the reason instead of a number.
 */
export function renderScalingSection(result: Pick<ResultFile, 'scaling'>): string[] {
  const entries = result.scaling ?? [];
  const first = entries[0];
  if (first === undefined) return [];
  // Nothing fitted anywhere (always so on 2 cores): one line, not a line per workload saying the same.
  if (entries.every((entry) => entry.amdahl.status !== 'ok' && entry.usl.status !== 'ok')) {
    const reason = [first.amdahl, first.usl].find((fit) => fit.status === 'insufficient');
    return [`Scaling fits: none${reason?.status === 'insufficient' ? ` (${reason.reason})` : ''}`];
  }
  const lines = [
    `Scaling fits (throughput relative to 1 thread; fitted on thread counts up to the ` +
      `${first.usableCores} usable cores)`,
  ];
  // The reasons a fit is missing repeat from entry to entry (they depend on the run, not the workload): say each once.
  const reasons = new Set<string>();
  for (const entry of entries) {
    const name = `${entry.workload}/${entry.strategy}${entry.uvThreadpoolSize !== undefined ? ` [libuv pool ${entry.uvThreadpoolSize}]` : ''}`;
    for (const fit of [entry.amdahl, entry.usl]) if (fit.status === 'insufficient') reasons.add(fit.reason);
    if (entry.amdahl.status !== 'ok' && entry.usl.status !== 'ok') {
      lines.push(`  ${name}: ${pointsText(entry)} — no fit`);
      continue;
    }
    lines.push(`  ${name}: ${pointsText(entry)}`);
    lines.push(`    Amdahl: ${amdahlText(entry)}`, `    USL:    ${uslText(entry)}`);
  }
  for (const reason of reasons) lines.push(`  no figure: ${reason}`);
  return lines;
}

function pointsText(entry: ScalingEntry): string {
  if (entry.points.length === 0) return 'no 1-thread figures to scale from';
  return entry.points
    .map(
      (point) => `${point.threads} → ${formatRatio(point.scaling)}${point.used ? '' : ' (oversubscribed, not fitted)'}`,
    )
    .join(', ');
}

function amdahlText(entry: ScalingEntry): string {
  const fit = entry.amdahl;
  if (fit.status !== 'ok') return 'no figure (why: below)';
  const ceiling = fit.maxScaling === null ? 'no ceiling' : `ceiling ${formatRatio(fit.maxScaling)}`;
  return (
    `serial fraction ${formatPercent(fit.serialFraction)}, ${ceiling} (R² ${fit.rSquared.toFixed(2)}); ` +
    `${predictionText(entry, 'amdahl')}`
  );
}

function uslText(entry: ScalingEntry): string {
  const fit = entry.usl;
  if (fit.status !== 'ok') return 'no figure (why: below)';
  const peak =
    fit.peakThreads === null || fit.peakScaling === null
      ? 'no peak (κ = 0: throughput keeps rising)'
      : `peak at ${fit.peakThreads.toFixed(0)} threads, ${formatRatio(fit.peakScaling)}`;
  return (
    `σ ${fit.sigma.toPrecision(2)}, κ ${fit.kappa.toPrecision(2)}, ${peak} (R² ` +
    `${fit.rSquared.toFixed(2)}); ${predictionText(entry, 'usl')}`
  );
}

function predictionText(entry: ScalingEntry, model: 'amdahl' | 'usl'): string {
  const known = entry.predictions.flatMap((prediction) => {
    const value = prediction[model];
    return value === null ? [] : [`${formatRatio(value)} on ${prediction.threads} cores`];
  });
  return known.length === 0 ? '' : `predicted ${known.join(', ')}`;
}
