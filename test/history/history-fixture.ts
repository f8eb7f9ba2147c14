import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark, ResultFile } from '../../src/results/schema.js';
import { seededRandom } from '../../src/stats/bootstrap.js';
import { realResult } from '../report/fixtures.js';

export interface HistoryPlan {
  /** Files in the history. */
  count: number;
  /** Index of the first file whose stepped benchmarks run `ratio` times longer. */
  stepAt: number;
  ratio: number;
  /** Which benchmark ids take the step; the others stay level. */
  stepped: (id: string) => boolean;
  /** Coefficient of variation of the run-to-run noise on every figure. */
  cv: number;
  seed: number;
  /** Record commits (with committer times in history order) in each file's provenance. */
  commits?: boolean;
  /** Overrides the machine of some files (by index). */
  cpuModel?: (index: number) => string;
  /** The run every file is made from (default: the real quick run). */
  base?: () => ResultFile;
}

/**
 * A history of result files made from one real run (test/report/fixtures/two-core-quick.json): file k scales
 * every ok benchmark's times by level × (1 + cv·noise), the level stepping by `ratio` from `stepAt` on for
 * the stepped ids. The expected change points are known by construction, never by asking the detector.
 */
export function historyResults(plan: HistoryPlan): ResultFile[] {
  const random = seededRandom(plan.seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: plan.count }, (_, index) => {
    const result = structuredClone((plan.base ?? realResult)());
    const started = new Date(Date.UTC(2026, 0, 1 + index, 3, 0, 0));
    result.run.startedAt = started.toISOString();
    result.run.finishedAt = new Date(started.getTime() + 60_000).toISOString();
    result.run.label = `nightly-${index + 1}`;
    if (plan.cpuModel !== undefined) result.environment.cpuModel = plan.cpuModel(index);
    if (plan.commits === true) {
      const commit = index.toString(16).padStart(2, '0').repeat(20);
      result.provenance = {
        commit,
        commitTime: new Date(Date.UTC(2025, 11, 1 + index)).toISOString(),
        branch: 'main',
        source: 'git',
      };
    }
    result.benchmarks = result.benchmarks.map((benchmark) => {
      const level = plan.stepped(benchmark.id) && index >= plan.stepAt ? plan.ratio : 1;
      return scaled(benchmark, level * (1 + plan.cv * normal()));
    });
    return result;
  });
}

function scaled(benchmark: Benchmark, factor: number): Benchmark {
  if (benchmark.status !== 'ok') return benchmark;
  const { stats } = benchmark;
  return {
    ...benchmark,
    samplesMs: benchmark.samplesMs.map((sample) => sample * factor),
    stats: {
      ...stats,
      mean: stats.mean * factor,
      median: stats.median * factor,
      sd: stats.sd * factor,
      min: stats.min * factor,
      max: stats.max * factor,
      p75: stats.p75 * factor,
      p99: stats.p99 * factor,
      medianCi95: [stats.medianCi95[0] * factor, stats.medianCi95[1] * factor],
    },
  };
}

/**
 * The same cell as a skipped one. The figures a skipped cell has no place for stay in the object and are
 * dropped when the file is read back (the schema keeps only its own keys), whatever else the schema asks of a cell.
 */
export function asSkipped(benchmark: Benchmark, reason: string): Benchmark {
  return { ...benchmark, status: 'skipped', reason };
}

/** Writes the results as run-01.json, run-02.json, … and returns their paths in history order. */
export function writeHistory(directory: string, results: readonly ResultFile[]): string[] {
  return results.map((result, index) => {
    const path = join(directory, `run-${String(index + 1).padStart(2, '0')}.json`);
    writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
    return path;
  });
}

/** The ok benchmark ids of a result, in file order. */
export function okIds(result: ResultFile): string[] {
  return result.benchmarks.filter((benchmark) => benchmark.status === 'ok').map((benchmark) => benchmark.id);
}
