import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { type Benchmark, type ResultFile, resultFileSchema } from '../../src/results/schema.js';
import { type CliResult, FAST_RUN, runCli, scratchDir } from '../helpers/cli.js';

/** Path of a fault fixture (test/fixtures/faults/<name>.mjs): real workload files that misbehave on purpose. */
export function fixture(name: string): string {
  return join(PACKAGE_ROOT, 'test', 'fixtures', 'faults', `${name}.mjs`);
}

export interface FaultRun {
  cli: CliResult;
  result: ResultFile;
  /** Benchmarks by `<workload id>/<strategy>/t<threads>`. */
  cell(id: string): Benchmark;
}

/** Runs `corescope run` with these workloads and flags, and reads back the result file it wrote. */
export async function runFaulty(workloads: string[], flags: string[], timeoutMs = 90_000): Promise<FaultRun> {
  const out = join(scratchDir(), 'result.json');
  const cli = await runCli(['run', '-w', workloads.join(','), '--no-chart', '--out', out, ...FAST_RUN, ...flags], {
    timeoutMs,
  });
  expect(cli.signal, `corescope was killed (hung?)\n${cli.stderr}`).toBeNull();
  expect(existsSync(out), `no result file\n${cli.stderr}`).toBe(true);
  const result = resultFileSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
  return {
    cli,
    result,
    cell(id) {
      const found = result.benchmarks.find((benchmark) => benchmark.id === id);
      if (found === undefined)
        throw new Error(`no benchmark ${id} in ${result.benchmarks.map((b) => b.id).join(', ')}`);
      return found;
    },
  };
}

/** The failure fields of a failed cell (fails the test when the cell did not fail). */
export function failureOf(benchmark: Benchmark): Extract<Benchmark, { status: 'error' | 'timeout' | 'crashed' }> {
  if (benchmark.status !== 'error' && benchmark.status !== 'timeout' && benchmark.status !== 'crashed') {
    throw new Error(`${benchmark.id} did not fail: status ${benchmark.status}`);
  }
  return benchmark;
}

/** One line on stderr, no stack frames: what a user sees for bad input. */
export function expectOneCleanLine(stderr: string): void {
  const lines = stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
}

export const STRATEGIES = ['sequential', 'concurrent', 'parallel', 'raw'] as const;
export type StrategyName = (typeof STRATEGIES)[number];

/** Strategies whose cells take the thread count; the others always run as t1. */
export function threadsFor(strategy: StrategyName, threads: number): number {
  return strategy === 'parallel' || strategy === 'raw' ? threads : 1;
}

/**
 * The ways each fault is provoked: every strategy with one message per task, then `parallel` sending 4 tasks
 * per message, where a fault meets a whole message (piscina's batched path). `sequential` always runs, so the
 * second row also takes its (cheap to check, already covered) cells along.
 */
export interface FaultVariant {
  label: string;
  strategies: readonly StrategyName[];
  /** `--batch` for the run: a number, so --batch auto cannot pick one per message behind the test's back. */
  batch: number;
}

export const FAULT_VARIANTS: readonly FaultVariant[] = [
  { label: 'every strategy, one task per message', strategies: STRATEGIES, batch: 1 },
  { label: 'parallel --batch 4', strategies: ['parallel'], batch: 4 },
];

/** `-s` and `--batch` flags for one variant. */
export function variantFlags(variant: FaultVariant): string[] {
  return ['-s', variant.strategies.join(','), '--batch', String(variant.batch)];
}

/** Text of a file, for checks on what is on disk. */
export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
