import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { run } from '../../src/index.js';

/** A short real run: io-timer waits, so two of them side by side do not fight over the 2 cores. */
const SMALL = {
  workloads: ['io-timer'],
  strategies: ['sequential', 'concurrent'],
  processes: 2,
  probe: false,
  traceSamples: 0,
  tasks: 4,
  size: 5,
};

describe('two runs in one process', () => {
  it('are independent: both complete, and aborting one leaves the other to finish', async () => {
    const controller = new AbortController();
    // The aborted run is long (budget-driven); it is aborted once the other has finished two whole processes,
    // by when it has surely taken samples of its own, however slow the machine.
    const aborted = run({ ...SMALL, maxTimeMs: 60_000, precisionPct: 0.01, signal: controller.signal });
    const finished = run({ ...SMALL, rounds: 6 });
    void finished.finally(() => controller.abort());
    const [stopped, whole] = await Promise.all([aborted, finished]);

    expect(stopped.exitCode).toBe(EXIT.interrupted);
    expect(stopped.result.run.interrupted).toBe(true);
    // What it measured before the abort is kept.
    expect(stopped.result.benchmarks.some((benchmark) => benchmark.samplesMs.length > 0)).toBe(true);

    expect(whole.exitCode).toBe(EXIT.ok);
    expect(whole.result.run.interrupted).toBe(false);
    for (const benchmark of whole.result.benchmarks) {
      expect(benchmark.status).toBe('ok');
      expect(benchmark.samplesMs).toHaveLength(12);
    }
  });

  it('a signal aborted before the run starts measures nothing and says it was interrupted', async () => {
    const outcome = await run({ ...SMALL, rounds: 2, signal: AbortSignal.abort() });
    expect(outcome.exitCode).toBe(EXIT.interrupted);
    expect(outcome.result.run.interrupted).toBe(true);
    expect(outcome.result.benchmarks.every((benchmark) => benchmark.samplesMs.length === 0)).toBe(true);
  });
});
