import { performance } from 'node:perf_hooks';
import { Bench } from 'tinybench';
import type { LiveCell } from './measure-job.js';
import type { SampleReading } from './protocol.js';

export type Outcome =
  { kind: 'sample'; reading: SampleReading } | { kind: 'failed'; error: unknown } | { kind: 'skipped' };

/**
 * One sample of each due cell: the cell's batch `repeats` times back to back. CPU time and event-loop figures are
 * read in tinybench's per-iteration hooks, just outside the timed call, and like the wall time divided by the
 * repeats.
 *
 * Why tinybench runs one iteration per task here: its own loop (iterate until `time` is spent, then summarise)
 * would time one cell many times in a row, and drift on the machine would then fall on that cell alone. corescope
 * interleaves instead — every cell one sample per round, order rotated — and replicates across processes, so the
 * statistics are its own. What tinybench gives each sample is its timer, its hooks around exactly the timed call,
 * its error capture (a failing cell is recorded, not thrown) and its abort signal.
 */
export async function measureRound(
  due: LiveCell[],
  tasks: number,
  beforeSample: (cell: LiveCell) => void,
  stopRequested: () => boolean,
): Promise<Map<LiveCell, Outcome>> {
  const abort = new AbortController();
  const bench = new Bench({
    iterations: 1,
    time: 0,
    warmup: false,
    retainSamples: true,
    throws: false,
    signal: abort.signal,
  });
  const readings = new Map<string, Omit<SampleReading, 'wallMs'>>();
  for (const cell of due) {
    const repeats = cell.repeats ?? 1;
    let cpuBefore = process.cpuUsage();
    let loopBefore = performance.eventLoopUtilization();
    bench.add(
      cell.job.id,
      async () => {
        for (let repeat = 0; repeat < repeats; repeat += 1) await cell.strategy.runBatch(tasks);
      },
      {
        async: true,
        beforeEach() {
          if (stopRequested()) abort.abort();
          beforeSample(cell);
          cell.histogram.enable();
          loopBefore = performance.eventLoopUtilization();
          cpuBefore = process.cpuUsage();
        },
        afterEach() {
          const cpu = process.cpuUsage(cpuBefore);
          const loop = performance.eventLoopUtilization(loopBefore);
          cell.histogram.disable();
          readings.set(cell.job.id, {
            cpuUserMs: cpu.user / 1000 / repeats,
            cpuSystemMs: cpu.system / 1000 / repeats,
            loopActiveMs: loop.active / repeats,
            loopIdleMs: loop.idle / repeats,
            delayP99Ms: cell.histogram.count > 0 ? cell.histogram.percentile(99) / 1e6 : 0,
          });
        },
      },
    );
  }
  await bench.run();

  const outcomes = new Map<LiveCell, Outcome>();
  for (const cell of due) {
    const result = bench.getTask(cell.job.id)?.result;
    const totalMs = result !== undefined && 'latency' in result ? result.latency.samples?.[0] : undefined;
    const reading = readings.get(cell.job.id);
    if (result?.state === 'errored') outcomes.set(cell, { kind: 'failed', error: result.error });
    else if (totalMs !== undefined && reading !== undefined)
      outcomes.set(cell, { kind: 'sample', reading: { wallMs: totalMs / (cell.repeats ?? 1), ...reading } });
    else outcomes.set(cell, { kind: 'skipped' });
  }
  return outcomes;
}
