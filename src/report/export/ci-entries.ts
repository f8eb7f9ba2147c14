import type { OkBenchmark } from '../../results/schema.js';
import type { ReportInput } from '../data/report-input.js';

/** One measured cell, named for a CI service. */
export interface CiEntry {
  /** The benchmark id; with several files, followed by the file's machine name: `id (machine)`. */
  name: string;
  input: ReportInput;
  benchmark: OkBenchmark;
}

/**
 * The measured cells of every input, in file order, as the services that keep benchmark histories (Bencher,
 * github-action-benchmark) take them: one flat list of uniquely named benchmarks. Failed and skipped cells
 * have no figure to send and are left out.
 */
export function ciEntries(inputs: readonly ReportInput[]): CiEntry[] {
  return inputs.flatMap((input) =>
    input.result.benchmarks.flatMap((benchmark): CiEntry[] =>
      benchmark.status === 'ok'
        ? [{ name: inputs.length > 1 ? `${benchmark.id} (${input.machine})` : benchmark.id, input, benchmark }]
        : [],
    ),
  );
}
