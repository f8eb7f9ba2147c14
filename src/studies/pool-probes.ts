import { performance } from 'node:perf_hooks';
import type { PoolWorkload, WorkerTask } from '../pool/messages.js';
import { startPool } from '../pool/pool.js';
import { startRawPool } from '../pool/raw-pool.js';
import type { Overheads } from '../results/overheads-schema.js';
import { median } from '../stats/summary.js';
import { distFileUrl } from '../paths.js';
import { batchRanges } from '../strategies/batch-size.js';
import { timePerOperationUs } from './repeat-timing.js';

export type PoolName = 'piscina' | 'raw';
const POOL_NAMES: readonly PoolName[] = ['piscina', 'raw'];

const STARTUP_TIMEOUT_MS = 30_000;

/** Pools here run the no-op workload, so what a round trip costs is the pool's own path, task body included. */
const NOOP_WORKLOAD: PoolWorkload = {
  workloadUrl: distFileUrl('src', 'pool', 'noop-workload.js').href,
  data: null,
  size: 1,
};
const noop = (index: number): WorkerTask => ({ index });

interface ProbePool {
  startupMs: number;
  run(task: WorkerTask): Promise<unknown>;
  /** `count` no-ops from `firstIndex` in one message (piscina only: raw sends one message per task by design). */
  runMany(firstIndex: number, count: number): Promise<unknown>;
  close(): Promise<void>;
}

/** A pool as the strategies start it (threads online, the no-op run once on each), with no-op tasks. */
async function startProbePool(pool: PoolName, threads: number): Promise<ProbePool> {
  if (pool === 'raw') {
    const raw = await startRawPool({
      threads,
      workload: NOOP_WORKLOAD,
      warmTask: noop(0),
      startupTimeoutMs: STARTUP_TIMEOUT_MS,
    });
    return {
      startupMs: raw.startupMs,
      run: (task) => raw.run(task),
      runMany: () => Promise.reject(new Error('the raw pool sends one message per task')),
      close: () => raw.close(),
    };
  }
  const piscina = await startPool({
    threads,
    workload: NOOP_WORKLOAD,
    warmTask: noop(0),
    startupTimeoutMs: STARTUP_TIMEOUT_MS,
  });
  return {
    startupMs: piscina.startupMs,
    run: (task) => piscina.run(task),
    runMany: (firstIndex, count) => piscina.runBatch({ firstIndex, count }),
    close: () => piscina.close(),
  };
}

async function withPool<T>(pool: PoolName, threads: number, use: (probe: ProbePool) => Promise<T>): Promise<T> {
  const probe = await startProbePool(pool, threads);
  try {
    return await use(probe);
  } finally {
    await probe.close();
  }
}

/** Start-up of each pool at each size, `repeats` fresh pools each: threads online and warmed, ms. */
export async function measureStartup(threadCounts: readonly number[], repeats: number): Promise<Overheads['startup']> {
  const figures: Overheads['startup'] = [];
  for (const threads of threadCounts) {
    for (const pool of POOL_NAMES) {
      const samplesMs: number[] = [];
      for (let repeat = 0; repeat < repeats; repeat += 1)
        samplesMs.push(await withPool(pool, threads, (probe) => Promise.resolve(probe.startupMs)));
      figures.push({ pool, threads, samplesMs, medianMs: median(samplesMs) });
    }
  }
  return figures;
}

/** One no-op at a time through a one-thread pool: the latency a lone task pays, µs. */
export async function measureRoundTrip(samples: number, minSampleMs: number): Promise<Overheads['roundTrip']> {
  const figures: Overheads['roundTrip'] = [];
  for (const pool of POOL_NAMES) {
    const samplesUs = await withPool(pool, 1, async (probe) => {
      for (let warm = 0; warm < 200; warm += 1) await probe.run(noop(warm));
      return timePerOperationUs(() => probe.run(noop(0)), { samples, minSampleMs });
    });
    figures.push({ pool, samplesUs, medianUs: median(samplesUs) });
  }
  return figures;
}

/**
 * `queued` no-ops handed over at once to a pool of `threads`: wall time per task, µs. The main thread must
 * post and receive every message, so this is the throughput ceiling of a pool for tiny tasks. Piscina is
 * measured one task per message and `batch` tasks per message; raw always sends one per task.
 */
export async function measureDispatch(
  threadCounts: readonly number[],
  queued: number,
  batches: readonly number[],
  samples: number,
): Promise<Overheads['dispatch']> {
  const figures: Overheads['dispatch'] = [];
  const variants = [
    ...batches.map((batch) => ({ pool: 'piscina' as const, batch })),
    { pool: 'raw' as const, batch: 1 },
  ];
  for (const threads of threadCounts) {
    for (const { pool, batch } of variants) {
      const samplesUs = await withPool(pool, threads, async (probe) => {
        const burst = (): Promise<unknown> =>
          batch === 1
            ? Promise.all(Array.from({ length: queued }, (_, index) => probe.run(noop(index))))
            : Promise.all(batchRanges(queued, batch).map(({ firstIndex, count }) => probe.runMany(firstIndex, count)));
        await burst(); // unrecorded: JIT and the no-op's first calls
        const perTaskUs: number[] = [];
        for (let sample = 0; sample < samples; sample += 1) {
          const startedAt = performance.now();
          await burst();
          perTaskUs.push(((performance.now() - startedAt) * 1000) / queued);
        }
        return perTaskUs;
      });
      figures.push({ pool, threads, batch, queued, samplesUs, medianUs: median(samplesUs) });
    }
  }
  return figures;
}
