import { describeMachine, machineIdentity, type MachineIdentity } from '../compare/machine.js';
import type { OkBenchmark } from '../results/schema.js';
import type { HistoryFile } from './history-files.js';
import { type HistoryOrder, orderFiles } from './order.js';

/** One file's figure for one benchmark. */
export interface HistoryPoint {
  /** The file's name as shown (history-files.ts). */
  file: string;
  path: string;
  startedAt: string;
  commit?: string;
  branch?: string;
  /** Median wall time of one sample (one batch of the workload's tasks), ms. */
  medianMs: number;
  /** The interval around the median, ms (report/median-interval.ts). */
  intervalMs: [number, number];
}

/** One machine's files, in history order. */
export interface MachineHistory {
  machine: MachineIdentity;
  /** "AMD EPYC, 2 usable cores, Node 20" */
  label: string;
  files: HistoryFile[];
  orderedBy: HistoryOrder;
}

/** One benchmark id on one machine: files from different machines never share a series. */
export interface HistorySeries {
  id: string;
  machine: MachineHistory;
  points: HistoryPoint[];
  /** Files of this machine that hold the id without figures (failed or skipped there). */
  unmeasured: string[];
}

/** Files grouped by machine (compare's identity: CPU model, usable cores, Node major), in order of first appearance. */
export function machineHistories(files: readonly HistoryFile[]): MachineHistory[] {
  const groups = new Map<string, { machine: MachineIdentity; files: HistoryFile[] }>();
  for (const file of files) {
    const machine = machineIdentity(file.result.environment);
    const group = groups.get(machine.key) ?? { machine, files: [] };
    group.files.push(file);
    groups.set(machine.key, group);
  }
  return [...groups.values()].map(({ machine, files: own }) => ({
    machine,
    label: describeMachine(machine),
    ...orderFiles(own),
  }));
}

/** Every benchmark id of one machine, in order of first appearance, with its points in history order. */
export function seriesOf(history: MachineHistory): HistorySeries[] {
  const series = new Map<string, HistorySeries>();
  for (const file of history.files) {
    for (const benchmark of file.result.benchmarks) {
      const entry = series.get(benchmark.id) ?? { id: benchmark.id, machine: history, points: [], unmeasured: [] };
      series.set(benchmark.id, entry);
      if (benchmark.status === 'ok') entry.points.push(pointOf(file, benchmark));
      else entry.unmeasured.push(file.name);
    }
  }
  return [...series.values()];
}

/** The one place that decides what a history point's figure is. */
function pointOf(file: HistoryFile, benchmark: OkBenchmark): HistoryPoint {
  const provenance = file.result.provenance;
  return {
    file: file.name,
    path: file.path,
    startedAt: file.result.run.startedAt,
    ...(provenance?.commit !== undefined ? { commit: provenance.commit } : {}),
    ...(provenance?.branch !== undefined ? { branch: provenance.branch } : {}),
    medianMs: benchmark.stats.median,
    intervalMs: benchmark.stats.medianCi95,
  };
}
