import type { HistoryAnalysis } from './analyze.js';
import { METHOD_NAME } from './describe.js';
import type { HistoryRegression } from './regressions.js';

/** The analysis for machines: every figure, none of the loaded result files themselves. */
export function historyJson(
  analysis: HistoryAnalysis,
  regressions: readonly HistoryRegression[],
  threshold: number,
): string {
  const document = {
    method: { name: METHOD_NAME, ...analysis.options },
    threshold,
    fileCount: analysis.fileCount,
    machines: analysis.machines.map((machine) => ({
      machine: machine.label,
      key: machine.machine.key,
      orderedBy: machine.orderedBy,
      files: machine.files.map((file) => file.path),
    })),
    series: analysis.series.map((history) => ({
      id: history.series.id,
      machine: history.series.machine.label,
      points: history.series.points,
      unmeasured: history.series.unmeasured,
      changes: history.changes,
      ...(history.note !== undefined ? { note: history.note } : {}),
    })),
    regressions: regressions.map((regression) => ({
      id: regression.history.series.id,
      machine: regression.history.series.machine.label,
      ...regression.change,
    })),
    notes: analysis.notes,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
