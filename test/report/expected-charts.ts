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

/**
 * A chart group: one workload, and in a --uv-threadpool sweep one libuv pool size of it (each size is measured
 * apart). Cells at the run's default size carry no `/uvN` id suffix and share a chart with unswept runs.
 */
const groupOf = (benchmark: Benchmark): string => {
  const last = benchmark.id.split('/').at(-1) ?? '';
  return /^uv\d+$/.test(last) ? `${benchmark.workload.id}/${last}` : benchmark.workload.id;
};
const measured = (result: ResultFile, group: string): OkBenchmark[] =>
  result.benchmarks.filter(
    (benchmark: Benchmark): benchmark is OkBenchmark =>
      groupOf(benchmark) === group && benchmark.status === 'ok' && benchmark.derived !== null,
  );
const okCells = (result: ResultFile, group: string) =>
  result.benchmarks.filter((benchmark) => groupOf(benchmark) === group && benchmark.status === 'ok');

/** Fit lines: one per scaling entry of the group with a fitted model, a marker per prediction that model made. */
function fitLines(result: ResultFile, group: string): number[] {
  const cell = result.benchmarks.find((benchmark) => groupOf(benchmark) === group);
  if (cell === undefined) return [];
  return (result.scaling ?? [])
    .filter(
      (entry) =>
        entry.workload === cell.workload.id &&
        entry.uvThreadpoolSize === cell.uvThreadpoolSize &&
        entry.t1Speedup !== null,
    )
    .flatMap((entry) => {
      const model = entry.usl.status === 'ok' ? 'usl' : entry.amdahl.status === 'ok' ? 'amdahl' : undefined;
      return model === undefined ? [] : [entry.predictions.filter((prediction) => prediction[model] !== null).length];
    });
}

const distinct = <T>(items: readonly T[], key: (item: T) => string): T[][] => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
};

/** Charts of a study file: overheads (start-up, round trip, dispatch, payload), then the grain sweep. */
function studyCharts(result: ResultFile): ExpectedChart[] {
  const charts: ExpectedChart[] = [];
  const sorted = (counts: number[]): number[] => counts.filter((count) => count > 0).sort((a, b) => a - b);
  const { overheads, grain } = result;
  if (overheads !== undefined) {
    charts.push({
      kind: 'startup',
      pointsPerSeries: sorted(distinct(overheads.startup, (figure) => figure.pool).map((list) => list.length)),
    });
    charts.push({ kind: 'round-trip', pointsPerSeries: sorted([overheads.roundTrip.length]) });
    charts.push({
      kind: 'dispatch',
      pointsPerSeries: sorted(
        distinct(overheads.dispatch, (figure) => `${figure.pool}/${figure.batch}`).map((list) => list.length),
      ),
    });
    charts.push({
      kind: 'payload',
      pointsPerSeries: sorted(distinct(overheads.payload, (figure) => figure.mode).map((list) => list.length)),
    });
  }
  if (grain !== undefined) {
    const lines = distinct(grain.points, (point) => `${point.series}/${point.threads}`).map((list) => list.length);
    const marks = grain.thresholds.map(
      (threshold) => Number(threshold.breakEvenMs !== null) + Number(threshold.efficient90Ms !== null),
    );
    charts.push({ kind: 'grain', pointsPerSeries: sorted([...lines, ...marks]) });
  }
  return charts;
}

export function expectedCharts(results: readonly ResultFile[]): ExpectedChart[] {
  const workloads: Array<{ id: string; kind: string }> = [];
  for (const result of results) {
    for (const benchmark of result.benchmarks)
      if (!workloads.some((workload) => workload.id === groupOf(benchmark)))
        workloads.push({ id: groupOf(benchmark), kind: benchmark.workload.kind });
  }
  const sorted = (counts: number[]): number[] => counts.filter((count) => count > 0).sort((a, b) => a - b);
  const charts: ExpectedChart[] = [];

  const io = workloads.filter((workload) => workload.kind === 'io');
  if (io.length > 0) {
    const counts = results.flatMap((result) =>
      ['sequential', 'concurrent'].map(
        (strategy) =>
          io.filter((workload) => measured(result, workload.id).some((cell) => cell.strategy === strategy)).length,
      ),
    );
    charts.push({ kind: 'io-comparison', pointsPerSeries: sorted(counts) });
  }
  for (const workload of workloads) {
    const lines = results.flatMap((result) => {
      const strategies = [...new Set(measured(result, workload.id).map((cell) => cell.strategy))];
      return strategies.map(
        (strategy) => measured(result, workload.id).filter((cell) => cell.strategy === strategy).length,
      );
    });
    // The ideal line: one per machine, or one for all when every machine's is the same.
    const ideals = results
      .map((result) =>
        measured(result, workload.id)
          .filter((cell) => cell.strategy === 'parallel')
          .map((cell) => `${cell.threads}:${cell.derived?.idealSpeedup}`)
          .sort()
          .join(' '),
      )
      .filter((ideal) => ideal !== '');
    const idealLines = new Set(ideals).size === 1 ? [ideals[0] ?? ''] : ideals;
    const fits = results.flatMap((result) => fitLines(result, workload.id));
    charts.push({
      kind: 'speedup',
      pointsPerSeries: sorted([...lines, ...idealLines.map((ideal) => ideal.split(' ').length), ...fits]),
    });
    charts.push({ kind: 'efficiency', pointsPerSeries: sorted(lines) });
    const perMachine = sorted(results.map((result) => okCells(result, workload.id).length));
    charts.push({ kind: 'cpu-time', pointsPerSeries: perMachine });
    charts.push({ kind: 'event-loop', pointsPerSeries: perMachine });
  }
  return [...charts, ...results.flatMap(studyCharts)];
}
