import type { Benchmark, Environment, ResultFile } from '../results/schema.js';
import { writeResultAtomic } from '../results/store.js';
import type { TraceCapture } from '../trace/model.js';
import { workerFigures } from '../trace/worker-figures.js';
import type { WorkloadRecord } from './records.js';

/**
 * The run's trace: every workload's traced batches, each under the benchmark id its cell has in the file (the
 * workload's id, a libuv pool size's suffix), with each pool cell's per-worker figures set on its entry.
 */
export function withTrace(
  records: readonly WorkloadRecord[],
  aggregated: ReadonlyMap<WorkloadRecord, Benchmark[]>,
): { trace?: TraceCapture } {
  const capture: TraceCapture = { spans: [], counters: [], workers: [] };
  for (const record of records) {
    const entries = aggregated.get(record);
    if (record.trace === undefined || entries === undefined) continue;
    const idOf = new Map(record.cells.map((cell, index) => [cell.id, entries[index]?.id ?? cell.id]));
    const named = <T extends { cellId: string }>(item: T): T => ({ ...item, cellId: idOf.get(item.cellId) ?? '' });
    capture.spans.push(...record.trace.spans.map(named));
    capture.counters.push(...record.trace.counters.map(named));
    capture.workers.push(...record.trace.workers.map(named));
  }
  if (capture.spans.length === 0) return {};
  const figures = workerFigures(capture);
  for (const entries of aggregated.values()) {
    for (const entry of entries) {
      const cell = entry.status === 'ok' ? figures.get(entry.id) : undefined;
      if (cell !== undefined && entry.status === 'ok') entry.workers = cell;
    }
  }
  return { trace: capture };
}

/** What the whole run should warn about: a CPU quota that caps it, a workload that could not run at all. */
export function runWarnings(records: readonly WorkloadRecord[], environment: Environment): string[] {
  const warnings: string[] = [];
  if (environment.cgroupCpuLimit !== null && environment.cgroupCpuLimit < environment.availableParallelism) {
    warnings.push(
      `a cgroup CPU quota of ${environment.cgroupCpuLimit} CPUs caps this run at ` +
        `${environment.usableCores} usable cores`,
    );
  }
  for (const record of records) {
    if (record.fatal !== undefined) warnings.push(`${record.spec}: could not run: ${record.fatal.error.message}`);
  }
  return warnings;
}

/** Writes the result file; returns a one-line reason instead of throwing, so a full disk cannot crash the run. */
export function tryWrite(path: string, result: ResultFile): string | undefined {
  try {
    writeResultAtomic(path, result);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error instanceof Error ? error.message : String(error);
    const reason = code !== undefined && !message.startsWith(code) ? `${code}: ${message}` : message;
    return `cannot write results to ${path} (${reason}); the file there is the last complete write, measuring stopped`;
  }
}
