import { formatMs, formatPercent, formatRatePerS } from '../../format/numbers.js';
import type { ServeResult } from '../../results/serve-schema.js';
import { renderTable } from './table.js';

/**
 * A serve study in the terminal: one table per strategy and thread count, one row per offered rate. Figures are
 * medians over repeats (the file keeps each repeat, and the verdict gives the spread).
 */
export function renderServeTables(result: ServeResult, widthColumns?: number): string[] {
  const lines: string[] = [];
  const header = [
    'offered',
    'achieved',
    '/compute p50 · p99 · p99.9',
    '/health p50 · p99 · p99.9',
    'loop delay p99 · max',
    'loop busy',
    'cores busy',
    'err/timeout',
  ];
  const three = (a: number, b: number, c: number): string => `${formatMs(a)} · ${formatMs(b)} · ${formatMs(c)}`;
  for (const series of result.series) {
    const rows = series.points.map((point) => {
      const s = point.summary;
      if (s === null) return [formatRatePerS(point.offeredPerS), 'not measured', ...header.slice(2).map(() => '')];
      return [
        formatRatePerS(point.offeredPerS),
        formatRatePerS(s.achievedPerS.median),
        three(s.computeP50Ms.median, s.computeP99Ms.median, s.computeP999Ms.median),
        three(s.healthP50Ms.median, s.healthP99Ms.median, s.healthP999Ms.median),
        s.eventLoopDelayP99Ms.n > 0
          ? `${formatMs(s.eventLoopDelayP99Ms.median)} · ${formatMs(s.eventLoopDelayMaxMs.median)}`
          : '–',
        s.eventLoopUtilization.n > 0 ? formatPercent(s.eventLoopUtilization.median) : '–',
        s.coresBusy.n > 0 ? s.coresBusy.median.toFixed(2) : '–',
        `${s.errors + s.failures}/${s.timeouts}`,
      ];
    });
    const knee = series.knees[0];
    const capacity = series.capacityPerS;
    lines.push(
      `${series.id}: capacity ${capacity === null ? 'not measured' : formatRatePerS(capacity.median)}` +
        (knee !== undefined && !series.knees.some((k) => k.saturated) ? ' (never saturated)' : ''),
      renderTable(header, rows, widthColumns !== undefined ? { widthColumns } : {}),
      '',
    );
  }
  return lines;
}
