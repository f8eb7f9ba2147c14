import { plays } from '../../strategies/index.js';
import type { RatioInterval, RatioJudgement } from '../../judgement/judge.js';
import { moreDataPhrase, type RunBudget } from '../../judgement/more-data.js';
import type { Benchmark, ResultFile } from '../../results/schema.js';
import { formatRatio } from '../../format/numbers.js';
import type { Measured } from '../data/measured.js';
import { plural } from '../../format/numbers.js';

/** What a verdict may read besides the cells: the run's budget (for "run longer" advice) and the machine probe. */
export interface VerdictContext {
  budget?: RunBudget;
  environment?: Pick<ResultFile['environment'], 'machine' | 'usableCores'>;
}

export function verdictContext(result: Pick<ResultFile, 'config' | 'environment'>): VerdictContext {
  const { rounds, maxTimeMs, precisionPct } = result.config;
  return { budget: { rounds, maxTimeMs, precisionPct }, environment: result.environment };
}

/** "1.62× (1.55–1.70)": a ratio with its interval, as every verdict states it. */
export function ratioWithInterval(interval: RatioInterval): string {
  return `${formatRatio(interval.estimate)} (${interval.low.toFixed(2)}–${interval.high.toFixed(2)})`;
}

/** A cell's speedup over sequential as an interval (the engine's paired estimate and its CI95). */
export function speedupInterval(benchmark: Measured): RatioInterval {
  const [low, high] = benchmark.derived.speedupCi95;
  return { estimate: benchmark.derived.speedup, low, high };
}

/** "inconclusive: about 3.1× the samples would likely decide (--max-time 38s)". */
export function inconclusivePhrase(
  judgement: RatioJudgement<string>,
  cells: readonly Benchmark[],
  context: VerdictContext,
): string {
  const stoppedOnBudget = cells.some((cell) => cell.status === 'ok' && !cell.precision.met);
  return `inconclusive: ${moreDataPhrase(judgement.samplesFactor, context.budget, stoppedOnBudget)}`;
}

/** "parallel on 2 threads", "concurrent", "sequential": how a verdict names a cell. */
export function cellName(benchmark: Pick<Benchmark, 'strategy' | 'threads'>): string {
  return plays(benchmark.strategy, 'baseline') || plays(benchmark.strategy, 'loop')
    ? benchmark.strategy
    : `${benchmark.strategy} on ${plural(benchmark.threads, 'thread')}`;
}

/** Several cells as one phrase, thread counts of one strategy together: "sequential, parallel on 1 and 3 threads". */
export function cellNames(benchmarks: ReadonlyArray<Pick<Benchmark, 'strategy' | 'threads'>>): string {
  const byStrategy = new Map<string, number[]>();
  for (const benchmark of benchmarks)
    byStrategy.set(benchmark.strategy, [...(byStrategy.get(benchmark.strategy) ?? []), benchmark.threads]);
  return [...byStrategy]
    .map(([strategy, threads]) => {
      if (plays(strategy, 'baseline') || plays(strategy, 'loop') || threads.length === 1)
        return cellName({ strategy, threads: threads[0] ?? 1 });
      const counts = [...threads].sort((a, b) => a - b);
      return `${strategy} on ${counts.slice(0, -1).join(', ')} and ${counts.at(-1) ?? ''} threads`;
    })
    .join(', ');
}
