import type { HistoryAnalysis } from './analyze.js';
import { plural } from '../format/numbers.js';

/** "12 result files · 1 machine · 8 series": the first line of every output. */
export function summaryLine(analysis: HistoryAnalysis): string {
  const machines = analysis.machines.length;
  const series = analysis.series.length;
  return `${analysis.fileCount} result files · ${plural(machines, 'machine')} · ${series} series`;
}
