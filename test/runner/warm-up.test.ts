import { describe, expect, it } from 'vitest';
import { cellWarmer } from '../../src/runner/warm-up.js';
import type { RanAt } from '../../src/pool/messages.js';
import type { BatchTracer, PreparedStrategy } from '../../src/strategies/index.js';
import { strategyNamed } from '../../src/strategies/index.js';
import { loadWorkload, resolveWorkloadUrl } from '../../src/workload-source.js';
import type { WarmupOptions } from '../../src/stats/warmup.js';

/** Steps one cell's warm-up until it is done, as the measuring job does for each cell in turn. */
async function warmCell(cell: Parameters<typeof cellWarmer>[0], tasks: number, options: WarmupOptions) {
  const warmer = cellWarmer(cell, tasks, options);
  while (!(await warmer.step()));
  return warmer.report();
}

/** A pool thread is warm after 20 tasks or 20 ms of them; the cell after 20 ms and a window of 4 batches. */
const QUICK_STEADY: WarmupOptions = {
  minMs: 20,
  minTasks: 20,
  maxMs: 5_000,
  window: 4,
  noiseRel: 0.5,
  trendTolerance: 0.05,
};

/**
 * A fake pool of two threads: each batch's tasks alternate between thread 1 and 2, and each thread's first
 * `coldTasks` tasks take `extraMs` more than its steady `taskMs`. Nothing runs: the tracer hears made-up times.
 */
function fakePool(taskMs: number, coldTasks: number, extraMs: number): PreparedStrategy {
  const ran = new Map<number, number>();
  let clockUs = 0;
  return {
    name: 'parallel',
    startupMs: 0,
    runBatch(tasks: number, tracer?: BatchTracer) {
      for (let index = 0; index < tasks; index += 1) {
        const threadId = 1 + (index % 2);
        const nth = ran.get(threadId) ?? 0;
        ran.set(threadId, nth + 1);
        const durationUs = 1000 * (taskMs + (nth < coldTasks ? extraMs : 0));
        tracer?.onWorker(index, threadId, clockUs, { startUs: clockUs, endUs: clockUs + durationUs, gcTotalMs: 0 });
        clockUs += durationUs;
      }
      return Promise.resolve(Array.from({ length: tasks }, (_, index) => index));
    },
    close: () => Promise.resolve(),
  };
}

/** A real piscina pool of 2 threads, one task per message, on a workload: a built-in id or a test fixture file. */
async function pool(workload: string, tasks: number, size = 1): Promise<PreparedStrategy> {
  const workloadUrl = workload.endsWith('.mjs')
    ? new URL(`../fixtures/${workload}`, import.meta.url).href
    : resolveWorkloadUrl(workload);
  const loaded = await loadWorkload(workloadUrl);
  const data: unknown = await loaded.setup?.({ size, tasks });
  const context = { workload: loaded, workloadUrl, data, size, taskTimeoutMs: 10_000, tasks };
  return strategyNamed('parallel').prepare(context, { threads: 2, batch: 1 });
}

describe('warming a cell', () => {
  it('measures the cold start of each pool thread: first tasks slow by a known amount', async () => {
    const report = await warmCell({ strategy: fakePool(2, 3, 10), name: 'parallel', threads: 2 }, 8, QUICK_STEADY);
    // Each thread's first 3 tasks took 10 ms more than its steady 2 ms: 30 ms over 3 tasks.
    expect(report.coldStart?.excessMs).toBeCloseTo(30, 6);
    expect(report.coldStart?.tasksUntilSteady).toBe(3);
    expect(report.coldStart?.threads).toBe(2);
  });

  it('holds every thread of a real pool to its own minimum, when the pool gives one thread little work', async () => {
    // One thread's tasks take 2 ms, the other's 0.05 ms (the fixture), so the fast thread takes most tasks and little
    // time. The cell's own minimum (64 tasks) is met after 15 batches (8 + 14 × 4); the fast thread is then short of
    // both of its minimums, and without the per-thread rule warm-up would stop there (it did, 3 of 3 tries). With
    // it, three runs took 21–26 batches: the fast thread ran 65–79 tasks in 3.7–6.2 ms, the slow one 22–29.
    const options: WarmupOptions = { ...QUICK_STEADY, minTasks: 64 };
    const strategy = await pool('uneven-threads.mjs', 8);
    const perThread = new Map<number, { tasks: number; busyMs: number }>();
    const counting: PreparedStrategy = {
      ...strategy,
      runBatch: (tasks, tracer) =>
        strategy.runBatch(tasks, {
          ...(tracer?.readsGc === true ? { readsGc: true } : {}),
          onMain: () => undefined,
          onWorker: (index, threadId, dispatchUs, ranAt) => {
            const work = perThread.get(threadId) ?? { tasks: 0, busyMs: 0 };
            perThread.set(threadId, {
              tasks: work.tasks + 1,
              busyMs: work.busyMs + (ranAt.endUs - ranAt.startUs) / 1000,
            });
            tracer?.onWorker(index, threadId, dispatchUs, ranAt);
          },
        }),
    };
    try {
      const report = await warmCell({ strategy: counting, name: 'parallel', threads: 2 }, 8, options);
      expect(perThread.size).toBe(2);
      for (const { tasks, busyMs } of perThread.values())
        expect(tasks >= options.minTasks || busyMs >= options.minMs).toBe(true);
      expect(report.batches).toBeGreaterThanOrEqual(options.window);
      expect(report.gc.workersPct).toBeDefined();
      // Used heaps at batch and task ends: a live isolate's, so over a megabyte and far under the default limit.
      const { mainBytes, workersBytes } = report.heap ?? { mainBytes: 0 };
      for (const heapBytes of [mainBytes, workersBytes ?? 0]) {
        expect(heapBytes).toBeGreaterThan(1024 * 1024);
        expect(heapBytes).toBeLessThan(2 ** 31);
      }
    } finally {
      await strategy.close();
    }
  });

  it('only warm-up asks pool threads for GC and heap figures: a trace of a round gets its times alone', async () => {
    const strategy = await pool('cpu-spin', 4, 0.2);
    const replies = async (readsGc: boolean) => {
      const seen: RanAt[] = [];
      const onWorker: BatchTracer['onWorker'] = (_index, _threadId, _dispatchUs, ranAt) => void seen.push(ranAt);
      await strategy.runBatch(4, { ...(readsGc ? { readsGc } : {}), onMain: () => undefined, onWorker });
      return seen;
    };
    try {
      const traced = await replies(false);
      expect(traced).toHaveLength(4);
      for (const ranAt of traced) expect(ranAt).toEqual({ startUs: ranAt.startUs, endUs: ranAt.endUs });
      for (const ranAt of await replies(true)) {
        expect(ranAt.gcTotalMs).toBeGreaterThanOrEqual(0);
        expect(ranAt.heapUsedBytes).toBeGreaterThan(0);
      }
    } finally {
      await strategy.close();
    }
  });
});
