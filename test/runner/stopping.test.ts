import { describe, expect, it } from 'vitest';
import type { OkBenchmark } from '../../src/results/schema.js';
import { runSuite, type SuiteOptions } from '../../src/runner/run-suite.js';
import type { ProcessSettings, WorkloadRecord } from '../../src/runner/supervisor.js';
import { seededRandom } from '../../src/stats/bootstrap.js';
import { syntheticResult } from '../helpers/result-fixture.js';

const ROUND_MS = 100;
const STARTUP_MS = 300;

/**
 * A fake measuring process: no child, no clock. Each round every cell takes a sample drawn around its centre
 * with a known spread (uniform, ± `spread` of it), and the process "takes" STARTUP_MS plus ROUND_MS a round, as
 * the round plan allows. The real scheduler, aggregation and stopping rules run on top of it.
 */
function fakeProcess(spread: number, log: Array<{ rounds: number; elapsedBeforeMs: number }>) {
  const random = seededRandom(42);
  return (record: WorkloadRecord, settings: ProcessSettings): Promise<void> => {
    const index = record.processes;
    record.processes += 1;
    record.info ??= { id: 'fake', kind: 'cpu', size: 1, tasks: 4 };
    let rounds = 0;
    let measuredMs = 0;
    const plan = settings.rounds;
    const wants = (): boolean =>
      plan.kind === 'fixed'
        ? rounds < plan.count
        : rounds === 0 ||
          (rounds < plan.maxRounds &&
            measuredMs < plan.limitMs &&
            (rounds < plan.minRounds || measuredMs < plan.sliceMs));
    while (wants()) {
      for (const [position, cell] of record.cells.entries()) {
        const centre = 10 * (position + 1);
        const wallMs = centre * (1 + spread * (2 * random() - 1));
        cell.samples.push({
          wallMs,
          cpuUserMs: wallMs,
          cpuSystemMs: 0,
          loopActiveMs: wallMs,
          loopIdleMs: 0,
          delayP99Ms: 0,
          process: index,
          round: rounds,
        });
      }
      rounds += 1;
      measuredMs += ROUND_MS;
    }
    log.push({ rounds, elapsedBeforeMs: record.elapsedMs });
    record.completed += 1;
    record.elapsedMs += STARTUP_MS + measuredMs;
    record.startupMs += STARTUP_MS;
    return Promise.resolve();
  };
}

function options(overrides: Partial<SuiteOptions>): SuiteOptions {
  return {
    workloads: ['cpu-compute'],
    strategies: ['sequential', 'parallel'],
    threads: [2],
    tasks: 4,
    size: null,
    rounds: null,
    processes: 3,
    precisionPct: 3,
    maxTimeMs: 12_000,
    minSampleMs: 50,
    warmupRounds: 1,
    quick: false,
    taskTimeoutMs: 10_000,
    maxInFlight: null,
    label: null,
    probe: false,
    traceSamples: 0,
    argv: [],
    outPath: null,
    environment: syntheticResult().environment,
    ...overrides,
  };
}

const ok = (benchmarks: unknown[]): OkBenchmark[] =>
  benchmarks.filter((b): b is OkBenchmark => (b as OkBenchmark).status === 'ok');

describe('stopping when precise', () => {
  it('a steady workload stops after the minimum of processes, every cell within the precision', async () => {
    const log: Array<{ rounds: number; elapsedBeforeMs: number }> = [];
    const { result } = await runSuite(options({ measure: fakeProcess(0.02, log) }));
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
    const { result, exitCode } = await runSuite(options({ measure: fakeProcess(0.6, log) }));
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
    const { result } = await runSuite(options({ rounds: 4, processes: 2, measure: fakeProcess(0.6, log) }));
    expect(log.map((entry) => entry.rounds)).toEqual([4, 4]);
    for (const cell of ok(result.benchmarks)) {
      expect(cell.samplesMs).toHaveLength(8);
      expect(cell.samplesProcess).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
      expect(cell.samplesRound).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
    }
  });

  it('a workload too slow for the budget still gets its processes, one round each, and is not failed', async () => {
    const log: Array<{ rounds: number; elapsedBeforeMs: number }> = [];
    const { result, exitCode } = await runSuite(options({ maxTimeMs: 50, measure: fakeProcess(0.3, log) }));
    expect(exitCode).toBe(0);
    expect(log.map((entry) => entry.rounds)).toEqual([1, 1, 1]);
    for (const cell of ok(result.benchmarks)) {
      expect(cell.status).toBe('ok');
      expect(cell.samplesMs).toHaveLength(3);
      expect(cell.precision.met).toBe(false);
    }
  });
});
