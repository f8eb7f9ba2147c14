import { benchmarkId } from '../../src/results/benchmark-id.js';

/**
 * The self-check's arithmetic, apart from the running (compare-power.ts): what each comparison flagged, tallied
 * into false-alarm and detection rates per cell, checked against issue 11's targets, and printed as a table.
 */

/** The comparison JSON fields the tally reads (corescope compare --format json). */
export interface ComparisonJson {
  sameMachine: Array<{ judgements: Array<{ id: string; verdict: string }> }>;
  regressions: Array<{ id: string }>;
}

export interface PairOutcome {
  /** The planted slowdown of the head run, as a fraction: 0 for A/A. */
  change: number;
  /** compare's exit code: 3 when it found a regression. */
  exitCode: number;
  verdicts: Record<string, string>;
  regressions: string[];
}

export interface CellTally {
  /** A/A: slower or faster; a planted slowdown: slower (exit 3 naming the cell). */
  flagged: number;
  verdicts: Record<string, number>;
}

export interface ChangeTally {
  change: number;
  pairs: number;
  /** Comparisons that exited 3. */
  exit3: number;
  cells: Record<string, CellTally>;
}

export interface Targets {
  /** A/A pairs flagged, at most (issue 11: 0 of 10). */
  aaFlaggedMax: number;
  /** +10 % pairs flagged, at least, on each target cell (9 of 10). */
  plus10FlaggedMin: number;
  /** +2 % pairs flagged, at most, on each target cell (1 of 10). */
  plus2FlaggedMax: number;
}

/** Issue 11's targets, scaled to `pairs` (stated for 10). */
export function targetsFor(pairs: number): Targets {
  return { aaFlaggedMax: 0, plus10FlaggedMin: Math.ceil(0.9 * pairs), plus2FlaggedMax: Math.floor(0.1 * pairs) };
}

/** The cells the targets speak of: the sequential cell and the 2-thread parallel cell. */
export const TARGET_CELLS = (workload: string): string[] => [
  benchmarkId(workload, 'sequential', 1),
  benchmarkId(workload, 'parallel', 2),
];

export function outcomeOf(change: number, exitCode: number, comparison: ComparisonJson): PairOutcome {
  const verdicts: Record<string, string> = {};
  for (const judgement of comparison.sameMachine[0]?.judgements ?? []) verdicts[judgement.id] = judgement.verdict;
  return { change, exitCode, verdicts, regressions: comparison.regressions.map((regression) => regression.id) };
}

export function tally(outcomes: readonly PairOutcome[], change: number): ChangeTally {
  const mine = outcomes.filter((outcome) => outcome.change === change);
  const cells: Record<string, CellTally> = {};
  for (const outcome of mine) {
    for (const [id, verdict] of Object.entries(outcome.verdicts)) {
      const cell = (cells[id] ??= { flagged: 0, verdicts: {} });
      cell.verdicts[verdict] = (cell.verdicts[verdict] ?? 0) + 1;
      const flagged = change === 0 ? verdict === 'slower' || verdict === 'faster' : outcome.regressions.includes(id);
      if (flagged) cell.flagged += 1;
    }
  }
  return { change, pairs: mine.length, exit3: mine.filter((outcome) => outcome.exitCode === 3).length, cells };
}

export interface TargetCheck {
  target: string;
  met: boolean;
}

/** Each target against the tallies that exist (a run without +10 % or +2 % pairs checks only what it has). */
export function checkTargets(tallies: readonly ChangeTally[], cells: readonly string[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const entry of tallies) {
    const targets = targetsFor(entry.pairs);
    for (const id of cells) {
      const flagged = entry.cells[id]?.flagged ?? 0;
      if (entry.change === 0)
        checks.push({
          target: `A/A ${id}: flagged ≤ ${targets.aaFlaggedMax} of ${entry.pairs}`,
          met: flagged <= targets.aaFlaggedMax,
        });
      if (isChange(entry.change, 0.1))
        checks.push({
          target: `+10 % ${id}: flagged ≥ ${targets.plus10FlaggedMin} of ${entry.pairs}`,
          met: flagged >= targets.plus10FlaggedMin,
        });
      if (isChange(entry.change, 0.02))
        checks.push({
          target: `+2 % ${id}: flagged ≤ ${targets.plus2FlaggedMax} of ${entry.pairs}`,
          met: flagged <= targets.plus2FlaggedMax,
        });
    }
  }
  return checks;
}

function isChange(change: number, planted: number): boolean {
  return Math.abs(change - planted) < 1e-9;
}

/** "A/A", "+10 %". */
export function changeLabel(change: number): string {
  return change === 0 ? 'A/A' : `+${Number((change * 100).toFixed(1))} %`;
}

/** One row per kind of pair, one column per target cell, then the pairs that exited 3. */
export function renderTable(tallies: readonly ChangeTally[], cells: readonly string[]): string {
  const header = ['pairs', ...cells.map((id) => id.split('/').slice(1).join('/')), 'exit 3'];
  const rows = tallies.map((entry) => [
    `${changeLabel(entry.change)} (${entry.change === 0 ? 'false alarms' : 'flagged slower'})`,
    ...cells.map((id) => `${entry.cells[id]?.flagged ?? 0} / ${entry.pairs}`),
    `${entry.exit3} / ${entry.pairs}`,
  ]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
