import type { ScalingEntry } from '../../results/scaling-schema.js';
import { formatPercent, formatRatio } from '../../format/numbers.js';
import type { ReportInput } from '../data/report-input.js';
import { drawnModel, type FitModel, MODEL_NAME, scalingEntriesFor } from '../data/scaling-fit-series.js';
import { escapeHtml } from './escape.js';

/**
 * The scaling fits of one chart group as a small table beside its speedup chart: per strategy, Amdahl's serial
 * fraction and the USL's σ, κ and peak, with the speedup each predicts on 2× and 4× the cores — or, where a
 * model could not be fitted, the reason in the file's own words instead of a number.
 */
export function scalingFitsBlock(inputs: readonly ReportInput[], groupKey: string): string {
  const many = inputs.length > 1;
  const blocks = inputs.flatMap((input) => {
    const entries = scalingEntriesFor(input, groupKey);
    if (entries.length === 0) return [];
    const cores = entries[0]?.usableCores ?? input.result.environment.usableCores;
    const predictedAt = [
      ...new Set(entries.flatMap((entry) => entry.predictions.map((prediction) => prediction.threads))),
    ].sort((a, b) => a - b);
    const head = `<tr><th class="text">strategy</th><th class="text">model</th><th class="text">fitted</th><th>R²</th>${predictedAt
      .map((threads) => `<th>predicted on ${threads} cores (× sequential)</th>`)
      .join('')}</tr>`;
    const rows = entries.flatMap((entry) => [
      modelRow(entry, 'amdahl', predictedAt),
      modelRow(entry, 'usl', predictedAt),
    ]);
    const caption = `Scaling fits${many ? ` · ${input.machine}` : ''}: on thread counts up to the ${cores} usable cores, throughput relative to each strategy's 1-thread cell`;
    return [
      `<div class="table-wrap fits"><table ` +
        `class="fits"><caption>${escapeHtml(caption)}</caption>${head}${rows.join('')}</table></div>`,
    ];
  });
  return blocks.join('');
}

/** What a fitted model found, in words; '' where it did not fit (its row gives the reason instead). */
function fittedFigures(entry: ScalingEntry, model: FitModel): string {
  if (model === 'amdahl') {
    const fit = entry.amdahl;
    if (fit.status !== 'ok') return '';
    const ceiling = fit.maxScaling === null ? 'no ceiling' : `ceiling ${formatRatio(fit.maxScaling)} over 1 thread`;
    return `serial fraction ${formatPercent(fit.serialFraction)}, ${ceiling}`;
  }
  const fit = entry.usl;
  if (fit.status !== 'ok') return '';
  const peak =
    fit.peakThreads === null || fit.peakScaling === null
      ? 'no peak (κ = 0: throughput keeps rising)'
      : `peak N* ≈ ${fit.peakThreads.toFixed(0)} threads at ${formatRatio(fit.peakScaling)} over 1 thread`;
  return `σ ${fit.sigma.toPrecision(2)} (contention), κ ${fit.kappa.toPrecision(2)} (coherency), ${peak}`;
}

function modelRow(entry: ScalingEntry, model: FitModel, predictedAt: readonly number[]): string {
  const drawn = drawnModel(entry) === model ? ' (dashed "fit" line)' : '';
  const name = `${MODEL_NAME[model]}${drawn}`;
  const strategy = `<td class="text">${escapeHtml(entry.strategy)}</td><td class="text">${escapeHtml(name)}</td>`;
  const fit = entry[model];
  if (fit.status !== 'ok')
    return `<tr>${strategy}<td class="text no-fit" colspan="${2 + predictedAt.length}">${escapeHtml(`No fit: ${fit.reason}`)}</td></tr>`;
  const figures = fittedFigures(entry, model);
  const predictions = predictedAt.map((threads) => {
    const scaling = entry.predictions.find((prediction) => prediction.threads === threads)?.[model] ?? null;
    return `<td>${scaling === null || entry.t1Speedup === null ? '—' : escapeHtml(formatRatio(scaling * entry.t1Speedup))}</td>`;
  });
  return (
    `<tr>${strategy}<td ` +
    `class="text">${escapeHtml(figures)}</td><td>${fit.rSquared.toFixed(2)}</td>${predictions.join('')}</tr>`
  );
}
