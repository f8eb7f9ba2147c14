import { describe, expect, it } from 'vitest';
import type { OkBenchmark } from '../../src/results/schema.js';
import { buildRunRequest, type RunOptions } from '../../src/options/run-options.js';
import type { RunRequest } from '../../src/runner/run-request.js';
import { runSuite } from '../../src/runner/scheduler.js';
import type { MeasureProcess } from '../../src/runner/supervisor.js';
import { fakeProcess as fake, type FakeProcessLog } from '../helpers/fake-measure.js';
import { syntheticResult } from '../helpers/result-fixture.js';

const fakeProcess = (spread: number, log: FakeProcessLog[], warmupMs = 0) => fake({ spread, log, warmupMs });

type Overrides = Partial<RunOptions> & { measure: MeasureProcess };

function request({ measure, ...overrides }: Overrides): RunRequest {
  const built = buildRunRequest(
    {
      workloads: ['cpu-compute'],
      strategies: ['sequential', 'parallel'],
      threads: [2],
      tasks: 4,
      processes: 3,
      // The budget these tests reason in, whatever the profile's default.
      maxTimeMs: 12_000,
      probe: false,
      traceSamples: 0,
      ...overrides,
    },
    { environment: syntheticResult().environment, argv: [] },
  );
  return { ...built, measure };
}

const ok = (benchmarks: unknown[]): OkBenchmark[] =>
  benchmarks.filter((b): b is OkBenchmark => (b as OkBenchmark).status === 'ok');

describe('stopping when precise', () => {
  it('a steady workload stops after the minimum of processes, every cell within the precision', async () => {
    const log: Array<{ rounds: number; elapsedBeforeMs: number }> = [];
    const { result } = await runSuite(request({ measure: fakeProcess(0.02, log) }));
    expect(log).toHaveLength(3);
    const cells = ok(result.benchmarks);
    expect(cells).toHaveLength(2);
    for (const cell of cells) {
      expect(cell.precision.met).toBe(true);
      expect(cell.precision.reachedPct).toBeLessThanOrEqual(3);
      expect(cell.processes).toBe(3);
      expect(cell.warnings.join(' ')).not.toMatch(/precision/);
    }
    // Each of the three took its slice: budget / (2 × processes) = 2 s of 100 ms rounds.
    expect(log.map((entry) => entry.rounds)).toEqual([20, 20, 20]);
  });

  it('a noisy workload adds processes until the budget is spent, then says the precision it reached', async () => {
    const log: Array<{ rounds: number; elapsedBeforeMs: number }> = [];
    const { result, exitCode } = await runSuite(request({ measure: fakeProcess(0.6, log) }));
    expect(exitCode).toBe(0);
    expect(log.length).toBeGreaterThan(3);
    // No process starts once less than half an average one is left of the 12 s.
    const last = log.at(-1);
    expect(last?.elapsedBeforeMs).toBeLessThan(12_000);
    const cells = ok(result.benchmarks);
    expect(cells.some((cell) => !cell.precision.met)).toBe(true);
    for (const cell of cells.filter((candidate) => !candidate.precision.met)) {
      expect(cell.precision.reachedPct).toBeGreaterThan(3);
      expect(cell.precision.targetPct).toBe(3);
    }
  });

  it('--rounds fixes the count: exactly the processes asked for, the rounds asked for, however noisy', async () => {
    const log: Array<{ rounds: number; elapsedBeforeMs: number }> = [];
    const { result } = await runSuite(request({ rounds: 4, processes: 2, measure: fakeProcess(0.6, log) }));
    expect(log.map((entry) => entry.rounds)).toEqual([4, 4]);
    for (const cell of ok(result.benchmarks)) {
      expect(cell.samplesMs).toHaveLength(8);
      expect(cell.samplesProcess).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
      expect(cell.samplesRound).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
    }
  });

  it('leaves the warm-up of the minimum of processes out of the budget; a further one pays its own', async () => {
    // 5 s of warm-up a process, 300 ms of start-up, 100 ms rounds. Charged, the warm-up alone would spend a 12 s
    // budget within three processes and leave the last two rounds; apart, each takes its slice of 2 s.
    const steady: FakeProcessLog[] = [];
    await runSuite(request({ measure: fakeProcess(0.02, steady, 5_000) }));
    expect(steady.map((entry) => entry.rounds)).toEqual([20, 20, 20]);
    // A noisy workload with a 30 s budget: the first three processes take the same rounds with or without warm-up,
    // and the fourth pays its 5 s of warm-up out of what is left: 50 rounds of 100 ms fewer.
    const cold: FakeProcessLog[] = [];
    const warm: FakeProcessLog[] = [];
    await runSuite(request({ maxTimeMs: 30_000, measure: fakeProcess(0.6, cold, 0) }));
    await runSuite(request({ maxTimeMs: 30_000, measure: fakeProcess(0.6, warm, 5_000) }));
    expect(warm.slice(0, 3).map((entry) => entry.rounds)).toEqual(cold.slice(0, 3).map((entry) => entry.rounds));
    expect(warm).toHaveLength(4);
    expect(cold).toHaveLength(4);
    expect(warm[3]?.rounds).toBe((cold[3]?.rounds ?? 0) - 50);
  });

  it('a workload too slow for the budget still gets its processes, two rounds each, and is not failed', async () => {
    const log: Array<{ rounds: number; elapsedBeforeMs: number }> = [];
    const { result, exitCode } = await runSuite(request({ maxTimeMs: 50, measure: fakeProcess(0.3, log) }));
    expect(exitCode).toBe(0);
    expect(log.map((entry) => entry.rounds)).toEqual([2, 2, 2]);
    for (const cell of ok(result.benchmarks)) {
      expect(cell.status).toBe('ok');
      expect(cell.samplesMs).toHaveLength(6);
      expect(cell.precision.met).toBe(false);
    }
  });
});
