import { plays } from '../../strategies/index.js';
import type { Benchmark, OkBenchmark } from '../../results/schema.js';
import { formatMs, formatPercent, formatRatio, formatThreads } from '../../format/numbers.js';
import { workloadGroupKey, workloadGroupLabel } from './workload-group.js';
import { groupBy } from './group-by.js';
import { cpuMsPerSample, isMeasured, type Measured } from './measured.js';
import type { ReportInput } from './report-input.js';
import { plural } from '../../format/numbers.js';

/**
 * What the charts show, computed once from the results and drawn by any renderer (terminal, SVG). Every point
 * carries a tooltip with the exact figures, since a picture alone rounds everything.
 */

export const IDEAL = 'ideal';

export interface ChartPoint {
  x: number;
  y: number;
  tip: string;
}

export interface LineSeries {
  label: string;
  /** A strategy name, or IDEAL: decides colour and marker. */
  strategy: string;
  /** Index of the input (machine): decides the dash pattern when several files are shown. */
  machineIndex: number;
  points: ChartPoint[];
  /**
   * A model, not a measurement (a scaling fit): drawn dashed through `curve` (sampled densely, so it bends
   * between thread counts), with hollow markers only at `points`.
   */
  fit?: { curve: Array<{ x: number; y: number }> };
  /** Markers only, no connecting line (thresholds marked on a sweep). */
  marksOnly?: boolean;
}

export interface BarValue {
  value: number;
  tip: string;
}

export interface BarSeries {
  label: string;
  strategy: string;
  machineIndex: number;
  /** One per category; null where this machine has no figure for it. */
  values: Array<BarValue | null>;
}

export interface BarData {
  categories: string[];
  series: BarSeries[];
}

/** A workload's cells, or in a --uv-threadpool sweep one pool size's cells of it: what one chart stands for. */
export interface WorkloadGroup {
  /** workloadGroupKey (libuv.ts): the workload id, plus `/uv<size>` for a swept pool size. */
  key: string;
  /** Heading text: the id, plus `[libuv pool N]` in a sweep. */
  label: string;
  kind: string;
  /** The first cell of the group, for its workload facts and libuv pool size. */
  first: Benchmark;
}

/** Workload groups in the order first seen across the inputs, with the kind their first file gave. */
export function workloadsOf(inputs: readonly ReportInput[]): WorkloadGroup[] {
  const seen = new Map<string, WorkloadGroup>();
  for (const input of inputs) {
    for (const benchmark of input.result.benchmarks) {
      const key = workloadGroupKey(benchmark);
      if (!seen.has(key))
        seen.set(key, { key, label: workloadGroupLabel(benchmark), kind: benchmark.workload.kind, first: benchmark });
    }
  }
  return [...seen.values()];
}

/** The ok cells with derived figures of one group (see workloadGroupKey; a plain workload id outside a sweep). */
function measuredCells(input: ReportInput, groupKey: string): Measured[] {
  return input.result.benchmarks.filter(
    (benchmark): benchmark is Measured => workloadGroupKey(benchmark) === groupKey && isMeasured(benchmark),
  );
}

function byStrategy(cells: Measured[]): Map<string, Measured[]> {
  const groups = groupBy(cells, (cell) => cell.strategy);
  for (const group of groups.values()) group.sort((a, b) => a.threads - b.threads);
  return groups;
}

const seriesLabel = (name: string, input: ReportInput, many: boolean): string =>
  many ? `${name} · ${input.machine}` : name;

function speedupTip(input: ReportInput, cell: Measured): string {
  const [low, high] = cell.derived.speedupCi95;
  const extras = [
    cell.derived.relativeToRaw === undefined ? '' : `, ${formatPercent(cell.derived.relativeToRaw)} of the raw floor`,
    cell.batching === undefined
      ? ''
      : `, ${plural(cell.batching.size, 'task')} per message${cell.batching.requested === 'auto' ? ' (auto)' : ''}`,
    cell.uvThreadpoolSize === undefined ? '' : `, libuv pool ${cell.uvThreadpoolSize}`,
  ].join('');
  return (
    `${input.machine} · ${cell.strategy}, ${formatThreads(cell.threads)}: speedup ` +
    `${formatRatio(cell.derived.speedup)} (95% CI ${low.toFixed(2)}–${high.toFixed(2)}), ideal ` +
    `${formatRatio(cell.derived.idealSpeedup)}, efficiency ${formatPercent(cell.derived.efficiency)}, ` +
    `median ${formatMs(cell.stats.median)}${extras}`
  );
}

/**
 * Speedup against threads: one line per strategy and machine, and the ideal line of the pool's cells
 * (one per machine, or a single one when every machine's ideal is the same).
 */
export function speedupSeries(inputs: readonly ReportInput[], groupKey: string): LineSeries[] {
  const many = inputs.length > 1;
  const lines: LineSeries[] = [];
  const ideals: LineSeries[] = [];
  inputs.forEach((input, machineIndex) => {
    const groups = byStrategy(measuredCells(input, groupKey));
    for (const [strategy, cells] of groups) {
      lines.push({
        label: seriesLabel(strategy, input, many),
        strategy,
        machineIndex,
        points: cells.map((cell) => ({ x: cell.threads, y: cell.derived.speedup, tip: speedupTip(input, cell) })),
      });
    }
    const pool = groups.get('parallel');
    if (pool !== undefined) {
      ideals.push({
        label: seriesLabel(IDEAL, input, many),
        strategy: IDEAL,
        machineIndex,
        points: pool.map((cell) => ({
          x: cell.threads,
          y: cell.derived.idealSpeedup,
          tip:
            `${input.machine} · ideal for ${formatThreads(cell.threads)} on ` +
            `${input.result.environment.usableCores} usable cores, ${cell.workload.tasks} tasks: ` +
            `${formatRatio(cell.derived.idealSpeedup)}`,
        })),
      });
    }
  });
  const same = (a: LineSeries, b: LineSeries): boolean =>
    a.points.length === b.points.length &&
    a.points.every((point, index) => point.x === b.points[index]?.x && point.y === b.points[index]?.y);
  const first = ideals[0];
  if (first !== undefined && ideals.every((ideal) => same(ideal, first))) {
    return [
      ...lines,
      {
        ...first,
        label: IDEAL,
        machineIndex: 0,
        points: first.points.map((point) => ({ ...point, tip: point.tip.replace(/^[^·]*· /, '') })),
      },
    ];
  }
  return [...lines, ...ideals];
}

/** Efficiency (speedup / ideal, %) against threads, one line per strategy and machine. */
export function efficiencySeries(inputs: readonly ReportInput[], groupKey: string): LineSeries[] {
  const many = inputs.length > 1;
  return inputs.flatMap((input, machineIndex) =>
    [...byStrategy(measuredCells(input, groupKey))].map(([strategy, cells]) => ({
      label: seriesLabel(strategy, input, many),
      strategy,
      machineIndex,
      points: cells.map((cell) => ({
        x: cell.threads,
        y: cell.derived.efficiency * 100,
        tip: speedupTip(input, cell),
      })),
    })),
  );
}

/** `concurrent` against `sequential` for every I/O-bound workload: median wall time of one sample. */
export function ioComparison(inputs: readonly ReportInput[]): BarData {
  const groups = workloadsOf(inputs).filter((workload) => workload.kind === 'io');
  const categories = groups.map((group) => group.label);
  const many = inputs.length > 1;
  const series = inputs.flatMap((input, machineIndex) =>
    ['sequential', 'concurrent'].map((strategy): BarSeries => ({
      label: seriesLabel(strategy, input, many),
      strategy,
      machineIndex,
      values: groups.map((group) => {
        const cell = measuredCells(input, group.key).find((candidate) => candidate.strategy === strategy);
        if (cell === undefined) return null;
        return {
          value: cell.stats.median,
          tip:
            `${input.machine} · ${group.label}, ${strategy}: median ${formatMs(cell.stats.median)} per ` +
            `${cell.workload.tasks} tasks (±${cell.precision.reachedPct.toFixed(1)} %), speedup ` +
            `${formatRatio(cell.derived.speedup)}`,
        };
      }),
    })),
  );
  return { categories, series: series.filter((entry) => entry.values.some((value) => value !== null)) };
}

/** A cell as a bar's category: `parallel ×2`, `raw ×1`; a one-thread cell of another strategy by its name alone. */
function cellLabel(benchmark: Benchmark): string {
  const pool = plays(benchmark.strategy, 'pool') || plays(benchmark.strategy, 'floor');
  return benchmark.threads === 1 && !pool ? benchmark.strategy : `${benchmark.strategy} ×${benchmark.threads}`;
}

/**
 * A per-cell figure for one workload as bars, one series per machine: CPU time per sample or event-loop
 * utilization. Categories are the cells (strategy and threads) of every machine, in run order.
 */
function perCellBars(
  inputs: readonly ReportInput[],
  groupKey: string,
  metric: (cell: OkBenchmark) => number,
  tip: (cell: OkBenchmark) => string,
): BarData {
  // Each machine's ok cells of the group by category; the first cell of a category is the one shown.
  const cells = inputs.map((input) => {
    const byCategory = new Map<string, OkBenchmark>();
    for (const benchmark of input.result.benchmarks) {
      if (workloadGroupKey(benchmark) !== groupKey || benchmark.status !== 'ok') continue;
      const category = cellLabel(benchmark);
      if (!byCategory.has(category)) byCategory.set(category, benchmark);
    }
    return byCategory;
  });
  const categories = [...new Set(cells.flatMap((byCategory) => [...byCategory.keys()]))];
  const series = inputs.map((input, machineIndex): BarSeries => ({
    label: input.machine,
    strategy: 'measure',
    machineIndex,
    values: categories.map((category) => {
      const cell = cells[machineIndex]?.get(category);
      return cell === undefined ? null : { value: metric(cell), tip: `${input.machine} · ${category}: ${tip(cell)}` };
    }),
  }));
  return { categories, series: series.filter((entry) => entry.values.some((value) => value !== null)) };
}

export function cpuTimeBars(inputs: readonly ReportInput[], groupKey: string): BarData {
  return perCellBars(
    inputs,
    groupKey,
    cpuMsPerSample,
    (cell) =>
      `CPU ${formatMs(cpuMsPerSample(cell))} per sample (user ` +
      `${formatMs(cell.cpu.userMs / cell.stats.n)}, system ` +
      `${formatMs(cell.cpu.systemMs / cell.stats.n)}), ${cell.cpu.effectiveParallelism.toFixed(2)} cores ` +
      `busy, wall ${formatMs(cell.stats.median)}`,
  );
}

export function eventLoopBars(inputs: readonly ReportInput[], groupKey: string): BarData {
  return perCellBars(
    inputs,
    groupKey,
    (cell) => cell.eventLoop.utilization * 100,
    (cell) =>
      `event loop busy ${(cell.eventLoop.utilization * 100).toFixed(1)} %, delay p99 ` +
      `${formatMs(cell.eventLoop.delayP99Ms)}`,
  );
}
