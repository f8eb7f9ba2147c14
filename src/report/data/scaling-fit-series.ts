import type { ScalingEntry } from '../../results/scaling-schema.js';
import { amdahlScaling } from '../../stats/amdahl.js';
import { uslScaling } from '../../stats/usl.js';
import type { LineSeries } from './chart-data.js';
import { formatRatio } from '../../format/numbers.js';
import { workloadGroupKey } from './workload-group.js';
import type { ReportInput } from './report-input.js';

/**
 * The scaling fits of a result file (its top-level `scaling`) as they belong to one chart group, and the fitted
 * curve as an extra series on the speedup chart. The fits are made on capacity relative to the strategy's own
 * 1-thread cell; multiplied by that cell's speedup (`t1Speedup`) they land on the chart's "× sequential" axis.
 */

/** Sample count of a drawn curve: enough that it bends smoothly at 520 px wide. */
const CURVE_SAMPLES = 64;

/** The scaling entries of one input that describe the cells of `groupKey` (same workload, same libuv pool size). */
export function scalingEntriesFor(input: ReportInput, groupKey: string): ScalingEntry[] {
  const cell = input.result.benchmarks.find((benchmark) => workloadGroupKey(benchmark) === groupKey);
  if (cell === undefined) return [];
  return (input.result.scaling ?? []).filter(
    (entry) => entry.workload === cell.workload.id && entry.uvThreadpoolSize === cell.uvThreadpoolSize,
  );
}

export type FitModel = 'usl' | 'amdahl';

/** The model a curve is drawn for: the USL when it fitted (it can bend back), else Amdahl, else none. */
export function drawnModel(entry: ScalingEntry): FitModel | undefined {
  if (entry.t1Speedup === null) return undefined;
  if (entry.usl.status === 'ok') return 'usl';
  if (entry.amdahl.status === 'ok') return 'amdahl';
  return undefined;
}

export const MODEL_NAME: Record<FitModel, string> = { usl: 'USL', amdahl: 'Amdahl' };

function modelScaling(entry: ScalingEntry, model: FitModel, threads: number): number | undefined {
  if (model === 'usl')
    return entry.usl.status === 'ok' ? uslScaling(entry.usl.sigma, entry.usl.kappa, threads) : undefined;
  return entry.amdahl.status === 'ok' ? amdahlScaling(entry.amdahl.serialFraction, threads) : undefined;
}

/**
 * One dashed "fit" series per entry with a fit: the curve from 1 thread to the largest predicted core count
 * (4× the cores measured), sampled evenly on a log scale, and a marker at each prediction (2× and 4× cores).
 */
export function fitSeries(inputs: readonly ReportInput[], groupKey: string): LineSeries[] {
  const many = inputs.length > 1;
  return inputs.flatMap((input, machineIndex) =>
    scalingEntriesFor(input, groupKey).flatMap((entry): LineSeries[] => {
      const model = drawnModel(entry);
      const t1Speedup = entry.t1Speedup;
      if (model === undefined || t1Speedup === null) return [];
      const top = Math.max(
        entry.usableCores * 4,
        ...entry.predictions.map((prediction) => prediction.threads),
        ...entry.points.map((point) => point.threads),
      );
      const curve = Array.from({ length: CURVE_SAMPLES + 1 }, (_, index) => {
        const x = top ** (index / CURVE_SAMPLES);
        return { x, y: (modelScaling(entry, model, x) ?? 0) * t1Speedup };
      });
      const points = entry.predictions.flatMap((prediction) => {
        const scaling = prediction[model];
        if (scaling === null) return [];
        const speedup = scaling * t1Speedup;
        return [
          {
            x: prediction.threads,
            y: speedup,
            tip:
              `${input.machine} · ${entry.strategy}, ${MODEL_NAME[model]} fit: predicted ` +
              `${formatRatio(speedup)} over sequential on ${prediction.threads} cores ` +
              `(${formatRatio(scaling)} over its 1-thread cell), fitted on ` +
              `${entry.points.filter((point) => point.used).length} thread counts up to ` +
              `${entry.usableCores} cores`,
          },
        ];
      });
      const label = `${entry.strategy} · ${MODEL_NAME[model]} fit`;
      return [
        {
          label: many ? `${label} · ${input.machine}` : label,
          strategy: entry.strategy,
          machineIndex,
          points,
          fit: { curve },
        },
      ];
    }),
  );
}
