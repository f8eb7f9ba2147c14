import { plays } from '../strategies/index.js';
import type { Benchmark } from '../results/schema.js';
import { describeMachine, machineIdentity, type MachineIdentity } from './machine.js';
import type { Matching, NamedResult } from './match.js';

/**
 * Files from different machines are laid out side by side on dimensionless figures only — speedup over the
 * same file's sequential baseline, efficiency against the ideal, and (for `concurrent`) the concurrency gain.
 * Absolute times from different CPUs say nothing about a code change, so they are never judged here.
 */
export interface MachineColumn {
  file: string;
  label: string | null;
  machine: MachineIdentity;
  /** Full Node version, e.g. "v20.20.2". */
  node: string;
  /** "AMD EPYC, 2 usable cores, Node 20" */
  description: string;
}

export interface CrossMachineCell {
  /** Missing from the file, or not `ok` there: the status says which. */
  status: Benchmark['status'] | 'missing';
  speedup: number | null;
  speedupLow: number | null;
  speedupHigh: number | null;
  idealSpeedup: number | null;
  efficiency: number | null;
  /** More threads than the machine's usable cores: the row measures oversubscription there. */
  oversubscribed: boolean;
}

export interface CrossMachineRow {
  id: string;
  workloadId: string;
  strategy: string;
  threads: number;
  cells: CrossMachineCell[];
}

export interface CrossMachineLayout {
  columns: MachineColumn[];
  rows: CrossMachineRow[];
  warnings: string[];
}

export function machineColumns(files: readonly NamedResult[]): MachineColumn[] {
  return files.map((file) => {
    const machine = machineIdentity(file.result.environment);
    return {
      file: file.name,
      label: file.result.run.label,
      machine,
      node: file.result.environment.node,
      description: describeMachine(machine),
    };
  });
}

/** `columns` are machineColumns() of the files `matching` was made from, in the same order. */
export function crossMachineLayout(columns: readonly MachineColumn[], matching: Matching): CrossMachineLayout {
  const rows: CrossMachineRow[] = [];
  const warnings: string[] = [];
  const shapeWarned = new Set<string>();
  for (const row of matching.rows) {
    const first = row.entries.find((entry) => entry !== undefined);
    // The baseline's own speedup is 1 by definition: a row of ones says nothing.
    if (first === undefined || plays(first.strategy, 'baseline')) continue;
    rows.push({
      id: row.id,
      workloadId: first.workload.id,
      strategy: first.strategy,
      threads: first.threads,
      cells: row.entries.map((entry, index) => cellOf(entry, columns[index]?.machine.usableCores ?? 1)),
    });
    const shapes = new Set(
      row.entries
        .filter((entry) => entry !== undefined)
        .map((entry) => `${entry.workload.tasks} tasks of size ${entry.workload.size}`),
    );
    if (shapes.size > 1 && !shapeWarned.has(first.workload.id)) {
      shapeWarned.add(first.workload.id);
      warnings.push(
        `${first.workload.id}: the files ran it with different shapes (${[...shapes].join(' vs ')}): ` +
          `ideal speedups differ, compare efficiencies`,
      );
    }
  }
  const nodeVersions = new Set(columns.map((column) => column.node));
  if (nodeVersions.size > 1) {
    warnings.push(
      `Node versions differ (${columns.map((column) => `${column.file}: ${column.node}`).join(', ')}): part of any difference may be V8's, not the hardware's`,
    );
  }
  return { columns: [...columns], rows, warnings };
}

function cellOf(entry: Benchmark | undefined, usableCores: number): CrossMachineCell {
  const none = { speedup: null, speedupLow: null, speedupHigh: null, idealSpeedup: null, efficiency: null };
  if (entry === undefined) return { status: 'missing', ...none, oversubscribed: false };
  const oversubscribed = !plays(entry.strategy, 'loop') && entry.threads > usableCores;
  if (entry.status !== 'ok' || entry.derived === null) return { status: entry.status, ...none, oversubscribed };
  const { speedup, speedupCi95, idealSpeedup, efficiency } = entry.derived;
  return {
    status: 'ok',
    speedup,
    speedupLow: speedupCi95[0],
    speedupHigh: speedupCi95[1],
    idealSpeedup,
    efficiency,
    oversubscribed,
  };
}
