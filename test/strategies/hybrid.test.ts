import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { readResultFile } from '../../src/results/load.js';
import { strategyNamed } from '../../src/strategies/index.js';
import type { StrategyContext } from '../../src/strategies/strategy.js';
import { loadWorkload, resolveWorkloadUrl } from '../../src/workload-source.js';
import { defineWorkload, findDefinitionProblem } from '../../src/workload.js';
import { FAST_RUN, runCli, scratchDir } from '../helpers/cli.js';

const TASKS = 5;
const RUNS = [
  ['sequential', 1],
  ['concurrent', 1],
  ['parallel', 2],
  ['hybrid', 1],
  ['hybrid', 2],
] as const;

async function resultsUnderEveryStrategy(spec: string, size: number): Promise<unknown[][]> {
  const workloadUrl = spec.includes('/') ? pathToFileURL(spec).href : resolveWorkloadUrl(spec);
  const workload = await loadWorkload(workloadUrl);
  const data = await workload.setup?.({ size, tasks: TASKS });
  const context: StrategyContext = { workload, workloadUrl, data, size, taskTimeoutMs: 10_000 };
  const results: unknown[][] = [];
  try {
    for (const [name, threads] of RUNS) {
      const strategy = await strategyNamed(name).prepare(context, { threads });
      try {
        results.push(await strategy.runBatch(TASKS));
      } finally {
        await strategy.close();
      }
    }
  } finally {
    await workload.teardown?.(data);
  }
  return results;
}

describe('hybrid strategy', () => {
  it.each([
    ['agents', 8],
    ['agents-dag', 8],
    [join(PACKAGE_ROOT, 'examples', 'my-workload.js'), 2],
  ])('returns the same results as the other strategies on %s', async (spec, size) => {
    const [reference, ...others] = await resultsUnderEveryStrategy(spec, size);
    expect(reference).toHaveLength(TASKS);
    for (const other of others) expect(other).toEqual(reference);
    expect(new Set(reference?.map((result) => JSON.stringify(result))).size).toBe(TASKS); // each task its own answer
  });

  it('is skipped, with its reason, on a workload without the wait/compute split; the run still exits 0', async () => {
    const out = join(scratchDir(), 'hybrid-skip.json');
    const result = await runCli([
      'run',
      '-w',
      'io-timer',
      ...FAST_RUN,
      '-s',
      'sequential,hybrid',
      '-t',
      '1',
      '--rounds',
      '1',
      '--warmup',
      '0',
      '--tasks',
      '2',
      '--size',
      '1',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    const hybrid = readResultFile(out).benchmarks.find((benchmark) => benchmark.strategy === 'hybrid');
    expect(hybrid?.status).toBe('skipped');
    expect(hybrid?.status === 'skipped' ? hybrid.reason : '').toMatch(/"wait" and "compute"/);
  });

  it('is opt-in: a run without --strategies does not include it', async () => {
    const result = await runCli([
      'run',
      '-w',
      'io-timer',
      ...FAST_RUN,
      '-t',
      '1',
      '--rounds',
      '1',
      '--warmup',
      '0',
      '--tasks',
      '2',
      '--size',
      '1',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const strategies = (JSON.parse(result.stdout) as { benchmarks: Array<{ strategy: string }> }).benchmarks.map(
      (benchmark) => benchmark.strategy,
    );
    expect(strategies).not.toContain('hybrid');
  });
});

describe('the wait/compute split in the workload contract', () => {
  const base = { id: 'split', kind: 'mixed', description: 'x', defaultSize: 1, task: () => 1 } as const;

  it('accepts both halves or neither', () => {
    expect(findDefinitionProblem(base)).toBeUndefined();
    expect(findDefinitionProblem({ ...base, wait: () => 1, compute: () => 1 })).toBeUndefined();
  });

  it('refuses one half alone, or a half that is not a function, naming the field', () => {
    expect(findDefinitionProblem({ ...base, wait: () => 1 })).toMatch(/give both or neither \(got only "wait"\)/);
    expect(findDefinitionProblem({ ...base, compute: () => 1 })).toMatch(/got only "compute"/);
    expect(findDefinitionProblem({ ...base, wait: 1, compute: () => 1 })).toMatch(/"wait" must be a function/);
    expect(findDefinitionProblem({ ...base, criticalPathMs: 5 })).toMatch(/"criticalPathMs" must be a function/);
    expect(() => defineWorkload({ ...base, wait: () => 1 })).toThrow(/invalid workload/);
  });
});
