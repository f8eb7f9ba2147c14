import type { Benchmark, OkBenchmark } from '../../results/schema.js';
import { failureNote } from './failure-note.js';
import { formatPercent } from '../../format/numbers.js';
import { plural } from '../../format/numbers.js';

/**
 * What a reader must know about a cell besides its figures: why it has none, that it fell short of the
 * precision asked for (and what it reached), its outliers, and its warnings. One list, so the terminal's
 * footnotes, the Markdown and CSV note columns and the HTML report say the same. `precision: false` leaves the
 * precision note out, for a table that marks imprecise cells in their interval column instead.
 */
export function cellNotes(benchmark: Benchmark, { precision = true }: { precision?: boolean } = {}): string[] {
  if (benchmark.status === 'skipped') return [`skipped: ${benchmark.reason}`];
  if (benchmark.status !== 'ok') return [failureNote(benchmark), ...benchmark.warnings];
  const notes = [precision ? precisionNote(benchmark) : undefined, outlierNote(benchmark), ...benchmark.warnings];
  return notes.filter((note): note is string => note !== undefined);
}

/** "not within ±3 %: reached ±7.2 % (3 processes, 24 samples)", or nothing for a precise cell. */
export function precisionNote(benchmark: OkBenchmark): string | undefined {
  const { precision, processes, stats } = benchmark;
  if (precision.met) return undefined;
  const where = `${plural(processes, 'process', 'processes')}, ${plural(stats.n, 'sample')}`;
  return (
    `not within ±${formatPercent(precision.targetPct / 100, 1)}: reached ` +
    `±${formatPercent(precision.reachedPct / 100, 1)} (${where})`
  );
}

export function outlierNote(benchmark: OkBenchmark): string | undefined {
  const { low, high, severe } = benchmark.outliers;
  const count = low + high;
  if (count === 0) return undefined;
  const sides = [high > 0 ? `${high} slow` : '', low > 0 ? `${low} fast` : ''].filter((side) => side !== '').join(', ');
  return `${plural(count, 'outlier')} (${sides}${severe > 0 ? `; ${severe} beyond 3 × IQR` : ''}), kept`;
}
