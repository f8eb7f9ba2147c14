import { describe, expect, it } from 'vitest';
import { renderWorkerFiguresTable } from '../../src/report/terminal/worker-figures.js';
import { workerFiguresSchema } from '../../src/results/workers-schema.js';
import { percentiles, workerFigures } from '../../src/trace/worker-figures.js';
import { demoCapture, PARALLEL, span } from './captures.js';

describe('workerFigures', () => {
  it('works out pool utilization, queue wait and run time percentiles, per worker, as on paper', () => {
    const figures = workerFigures(demoCapture());
    // Only the pool cell has figures: sequential and concurrent ran on the event loop.
    expect([...figures.keys()]).toEqual([PARALLEL]);
    const pool = figures.get(PARALLEL);
    // Wall 20 000 → 22 012 µs = 2012 µs; each worker busy 2000 µs; 2 threads.
    expect(pool?.threads).toBe(2);
    expect(pool?.samples).toBe(1);
    expect(pool?.wallMs).toBeCloseTo(2.012, 12);
    expect(pool?.busyMs).toBeCloseTo(4, 12);
    expect(pool?.poolUtilization).toBeCloseTo(4000 / (2012 * 2), 12);
    // Waits 10, 10, 1006, 1006 µs: p50 interpolates halfway between 0.01 and 1.006 ms (R type 7).
    expect(pool?.queueWaitMs?.p50).toBeCloseTo(0.508, 12);
    expect(pool?.queueWaitMs?.p90).toBeCloseTo(1.006, 12);
    expect(pool?.queueWaitMs?.p99).toBeCloseTo(1.006, 12);
    expect(pool?.runMs).toEqual({ p50: 1, p90: 1, p99: 1 });
    expect(
      pool?.workers.map((worker) => [worker.threadId, worker.tasks, worker.busyMs, worker.eventLoopUtilization]),
    ).toEqual([
      [1, 2, 2, 0.9],
      [2, 2, 2, 0.8],
    ]);
    expect(pool?.workers[0]?.busyShare).toBeCloseTo(2000 / 2012, 12);
    expect(workerFiguresSchema.safeParse(pool).success).toBe(true);
  });

  it(
    'counts a listed worker that ran nothing as idle capacity, and two async tasks at once on one worker ' +
      'as busy once',
    () => {
      const cell = 'x/parallel/t2';
      const figures = workerFigures({
        spans: [
          span(cell, { taskIndex: 0, thread: { kind: 'worker', threadId: 5 }, startUs: 0, endUs: 100 }),
          span(cell, { taskIndex: 1, thread: { kind: 'worker', threadId: 5 }, startUs: 50, endUs: 100 }),
        ],
        counters: [],
        workers: [{ cellId: cell, process: 0, threadId: 6, eventLoopUtilization: 0 }],
      }).get(cell);
      // Worker 5 busy 0–100 µs (the union), worker 6 idle: 100 / (100 µs × 2 threads).
      expect(figures?.poolUtilization).toBeCloseTo(0.5, 12);
      expect(figures?.queueWaitMs).toBeNull();
      expect(
        figures?.workers.map((worker) => [
          worker.threadId,
          worker.tasks,
          worker.busyShare,
          worker.eventLoopUtilization,
        ]),
      ).toEqual([
        [5, 2, 1, null],
        [6, 0, 0, 0],
      ]);
    },
  );

  it('sums traced samples: utilization is total busy over total capacity', () => {
    const cell = 'x/parallel/t1';
    const worker = { kind: 'worker', threadId: 1 } as const;
    const figures = workerFigures({
      spans: [
        span(cell, { taskIndex: 0, sample: 0, thread: worker, startUs: 0, endUs: 100 }),
        span(cell, { taskIndex: 0, sample: 1, thread: worker, dispatchUs: 1000, startUs: 1100, endUs: 1400 }),
      ],
      counters: [],
      workers: [],
    }).get(cell);
    // Sample 0: wall 100, busy 100. Sample 1: wall 1000→1400 = 400, busy 300. (100 + 300) / (100 + 400).
    expect(figures?.samples).toBe(2);
    expect(figures?.poolUtilization).toBeCloseTo(0.8, 12);
  });
});

describe('percentiles', () => {
  it('matches R quantile(type = 7) on a hand-checked vector', () => {
    // R: quantile(c(1, 2, 3, 4, 10), c(.5, .9, .99), type = 7) → 3, 7.6, 9.76
    const { p50, p90, p99 } = percentiles([10, 1, 3, 2, 4]);
    expect(p50).toBe(3);
    expect(p90).toBeCloseTo(7.6, 12);
    expect(p99).toBeCloseTo(9.76, 12);
  });
});

describe('renderWorkerFiguresTable (terminal)', () => {
  it('prints one row per pool cell with the figures worked out above, and nothing for cells off the pool', () => {
    const text = renderWorkerFiguresTable(demoCapture(), ['io-timer/concurrent/t1', PARALLEL]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(
      /^cpu-compute\/parallel\/t2 +2 +1 +99 % +0\.508 ms \/ 1\.006 ms \/ 1\.006 ms +1\.000 ms \/ 1\.000 ms \/ 1\.000 ms +worker 1: 90 %, worker 2: 80 %$/,
    );
    expect(renderWorkerFiguresTable(demoCapture(), ['io-timer/concurrent/t1'])).toBe('');
  });
});
