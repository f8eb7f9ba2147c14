import type { Benchmark, OkBenchmark, ResultFile } from '../../src/results/schema.js';

/**
 * What the HTML report must draw, worked out here from the result files on their own terms (not from the
 * report's code): for each chart, the number of points in each series, sorted.
 */
export interface ExpectedChart {
  kind: string;
  /** Points per series, ascending. */
  pointsPerSeries: number[];
}

const measured = (result: ResultFile, workloadId: string): OkBenchmark[] =>
  result.benchmarks.filter((benchmark: Benchmark): benchmark is OkBenchmark => benchmark.workload.id === workloadId && benchmark.status === 'ok' && benchmark.derived !== null);
const okCells = (result: ResultFile, workloadId: string) => result.benchmarks.filter((benchmark) => benchmark.workload.id === workloadId && benchmark.status === 'ok');

export function expectedCharts(results: readonly ResultFile[]): ExpectedChart[] {
  const workloads: Array<{ id: string; kind: string }> = [];
  for (const result of results) {
    for (const benchmark of result.benchmarks) if (!workloads.some((workload) => workload.id === benchmark.workload.id)) workloads.push({ id: benchmark.workload.id, kind: benchmark.workload.kind });
  }
  const sorted = (counts: number[]): number[] => counts.filter((count) => count > 0).sort((a, b) => a - b);
  const charts: ExpectedChart[] = [];

  const io = workloads.filter((workload) => workload.kind === 'io');
  if (io.length > 0) {
    const counts = results.flatMap((result) =>
      ['sequential', 'concurrent'].map((strategy) => io.filter((workload) => measured(result, workload.id).some((cell) => cell.strategy === strategy)).length),
    );
    charts.push({ kind: 'io-comparison', pointsPerSeries: sorted(counts) });
  }
  for (const workload of workloads) {
    const lines = results.flatMap((result) => {
      const strategies = [...new Set(measured(result, workload.id).map((cell) => cell.strategy))];
      return strategies.map((strategy) => measured(result, workload.id).filter((cell) => cell.strategy === strategy).length);
    });
    // The ideal line: one per machine, or one for all when every machine's is the same.
    const ideals = results
      .map((result) => measured(result, workload.id).filter((cell) => cell.strategy === 'parallel').map((cell) => `${cell.threads}:${cell.derived?.idealSpeedup}`).sort().join(' '))
      .filter((ideal) => ideal !== '');
    const idealLines = new Set(ideals).size === 1 ? [ideals[0] ?? ''] : ideals;
    charts.push({ kind: 'speedup', pointsPerSeries: sorted([...lines, ...idealLines.map((ideal) => ideal.split(' ').length)]) });
    charts.push({ kind: 'efficiency', pointsPerSeries: sorted(lines) });
    const perMachine = sorted(results.map((result) => okCells(result, workload.id).length));
    charts.push({ kind: 'cpu-time', pointsPerSeries: perMachine });
    charts.push({ kind: 'event-loop', pointsPerSeries: perMachine });
  }
  return charts;
}
