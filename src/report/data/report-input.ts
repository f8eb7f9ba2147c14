import { basename } from 'node:path';
import type { ResultFile } from '../../results/schema.js';

/** One loaded result file and the name it is shown under. */
export interface ReportInput {
  /** The path the user gave, kept for error messages and the metadata table. */
  path: string;
  result: ResultFile;
  /** Short, unique among the inputs: the run's label or host name, disambiguated when two files share one. */
  machine: string;
}

/**
 * Names each input after its run label, else its host name; files that would share a name get their file
 * name appended (then a counter), so every machine's line in a chart has its own legend entry.
 */
export function toReportInputs(files: ReadonlyArray<{ path: string; result: ResultFile }>): ReportInput[] {
  const base = files.map((file) => file.result.run.label ?? file.result.environment.hostname);
  const clashes = (name: string): boolean => base.filter((other) => other === name).length > 1;
  const taken = new Set<string>();
  return files.map((file, index) => {
    const own = base[index] ?? `file ${index + 1}`;
    let machine = clashes(own) ? `${own} (${basename(file.path)})` : own;
    for (let suffix = 2; taken.has(machine); suffix += 1) machine = `${own} (${basename(file.path)} #${suffix})`;
    taken.add(machine);
    return { ...file, machine };
  });
}
