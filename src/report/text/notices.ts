import type { ReportInput } from '../data/report-input.js';
import { outlierNote, precisionNote } from './cell-notes.js';
import { failureNote } from './failure-note.js';
import { machineWarnings } from './machine-warnings.js';

/** One notice of a report: the machine (file), the run or the cell's id it concerns, and what it says. */
export interface Notice {
  machine: string;
  where: string;
  text: string;
}

/**
 * A report's notices, split by what the reader must do with them. Warnings need attention: a run interrupted, a
 * cell that failed, a cell's own warning (one measuring process, too few samples), a run-wide warning, a noisy
 * machine. Notes are about precision and stay informative: a cell short of --precision (it says what it reached),
 * outliers counted and kept, a cell skipped on purpose with its reason. One split, so the terminal, Markdown and
 * HTML count the same.
 */
export interface Notices {
  warnings: Notice[];
  notes: Notice[];
}

export function noticesOf(inputs: readonly ReportInput[]): Notices {
  const warnings: Notice[] = [];
  const notes: Notice[] = [];
  for (const { machine, result } of inputs) {
    const run = (text: string): Notice => ({ machine, where: 'run', text });
    if (result.run.interrupted) warnings.push(run('the run was interrupted: some cells have fewer samples or none'));
    warnings.push(...result.warnings.map(run));
    warnings.push(...machineWarnings(result.environment).map((text) => ({ machine, where: 'machine', text })));
    for (const benchmark of result.benchmarks) {
      const cell = (text: string): Notice => ({ machine, where: benchmark.id, text });
      if (benchmark.status === 'skipped') notes.push(cell(`skipped: ${benchmark.reason}`));
      else if (benchmark.status !== 'ok') warnings.push(cell(failureNote(benchmark)));
      else {
        for (const note of [precisionNote(benchmark), outlierNote(benchmark)])
          if (note !== undefined) notes.push(cell(note));
      }
      warnings.push(...benchmark.warnings.map(cell));
    }
  }
  return { warnings, notes };
}
