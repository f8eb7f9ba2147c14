import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { TaskGc } from '../../src/gc/worker-gc.js';
import { distFileUrl } from '../../src/paths.js';
import { allocateFor, spinFor } from './gc-workloads.js';

/**
 * The same meter in a real worker thread: the worker imports the compiled src/gc/worker-gc.js (workers run
 * compiled JavaScript, as the pool's do; `npm run build` first) and runs the two workloads there, arithmetic
 * first so that no garbage of the allocating run is collected during it.
 */
const ALLOCATE_MS = 300;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const allocateFor = ${allocateFor.toString()};
const spinFor = ${spinFor.toString()};
import(workerData.workerGcUrl).then(async ({ runMeasuringGc }) => {
  const arithmetic = await runMeasuringGc(() => spinFor(workerData.durationMs));
  const allocating = await runMeasuringGc(() => allocateFor(workerData.durationMs));
  parentPort.postMessage({ allocating: allocating.gc, arithmetic: arithmetic.gc });
});
`;

function inWorker(): Promise<{ allocating: TaskGc; arithmetic: TaskGc }> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { workerGcUrl: distFileUrl('src', 'gc', 'worker-gc.js').href, durationMs: ALLOCATE_MS },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (figures: { allocating: TaskGc; arithmetic: TaskGc }) => {
      void worker.terminate();
      resolve(figures);
    });
    worker.once('error', reject);
  });
}

describe('GC meter in a worker thread', () => {
  it('the worker that allocates shows GC time of its own; arithmetic there shows near none', async () => {
    const { allocating, arithmetic } = await inWorker();
    expect(allocating.threadId).toBeGreaterThan(0);
    expect(allocating.wallMs).toBeGreaterThanOrEqual(ALLOCATE_MS);
    expect(allocating.gcMs).toBeGreaterThan(1);
    expect(arithmetic.gcMs).toBeLessThan(0.1 * arithmetic.wallMs);
  });
});
