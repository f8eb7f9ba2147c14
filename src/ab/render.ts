import { markdownTable } from '../report/compare-markdown.js';
import { alignedTable } from '../report/compare-terminal.js';
import { formatMs } from '../report/format.js';
import type { AbComparison, AbRow } from './compare-sides.js';

const HEADER = ['benchmark', 'verdict', 'base', 'head', 'change', '95% CI', 'pairs', 'why'];
/** Columns read as text (left-aligned): the benchmark, the verdict and the reason. */
const TEXT_COLUMNS = [0, 1, 7];

function signedPercent(ratio: number): string {
  const change = (ratio - 1) * 100;
  return `${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(1)} %`;
}

function cells(row: AbRow): string[] {
  const interval = row.low === null || row.high === null ? '' : `${signedPercent(row.low)} … ${signedPercent(row.high)}`;
  return [
    row.id,
    row.verdict,
    row.baseMedianMs === null ? '—' : formatMs(row.baseMedianMs),
    row.headMedianMs === null ? '—' : formatMs(row.headMedianMs),
    row.ratio === null ? '' : signedPercent(row.ratio),
    interval,
    String(row.pairs),
    row.reason,
  ];
}

/** One line on what the gate decided, for the end of every format. */
export function abVerdictLine(comparison: AbComparison): string {
  const threshold = `${Number((comparison.threshold * 100).toFixed(1))} %`;
  if (comparison.regressions.length === 0) return `No regression of head beyond ${threshold}.`;
  return `Head is slower beyond ${threshold} on ${comparison.regressions.map((row) => row.id).join(', ')}.`;
}

export function renderAbTerminal(comparison: AbComparison): string {
  return [alignedTable(HEADER, comparison.rows.map(cells), TEXT_COLUMNS), '', abVerdictLine(comparison)].join('\n');
}

export function renderAbMarkdown(comparison: AbComparison): string {
  return ['### corescope ab: head against base (same machine, processes alternated)', '', markdownTable(HEADER, comparison.rows.map(cells), TEXT_COLUMNS), '', `**${abVerdictLine(comparison)}**`].join('\n');
}
