import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { GcReading } from '../../src/gc/gc-meter.js';
import { distFileUrl } from '../../src/paths.js';
import { allocateFor, spinFor } from './gc-workloads.js';

/**
 * The same meter in a real worker thread: the worker imports the compiled src/gc/gc-meter.js (workers run
 * compiled JavaScript, as the pool's do; `npm run build` first) and runs the two workloads there, arithmetic
 * first so that no garbage of the allocating run is collected during it.
 */
const ALLOCATE_MS = 300;

const WORKER_SOURCE = `
const { parentPort, threadId, workerData } = require('node:worker_threads');
const allocateFor = ${allocateFor.toString()};
const spinFor = ${spinFor.toString()};
import(workerData.gcMeterUrl).then(async ({ createGcMeter }) => {
  const measure = (run) => {
    const meter = createGcMeter();
    meter.start();
    run();
    return meter.stop();
  };
  const arithmetic = await measure(() => spinFor(workerData.durationMs));
  const allocating = await measure(() => allocateFor(workerData.durationMs));
  parentPort.postMessage({ threadId, allocating, arithmetic });
});
`;

interface InWorker {
  threadId: number;
  allocating: GcReading;
  arithmetic: GcReading;
}

function inWorker(): Promise<InWorker> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { gcMeterUrl: distFileUrl('src', 'gc', 'gc-meter.js').href, durationMs: ALLOCATE_MS },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (figures: InWorker) => {
      void worker.terminate();
      resolve(figures);
    });
    worker.once('error', reject);
  });
}

describe('GC meter in a worker thread', () => {
  it('the worker that allocates shows GC time of its own; arithmetic there shows near none', async () => {
    const { threadId, allocating, arithmetic } = await inWorker();
    expect(threadId).toBeGreaterThan(0);
    expect(allocating.wallMs).toBeGreaterThanOrEqual(ALLOCATE_MS);
    expect(allocating.gcMs).toBeGreaterThan(1);
    expect(arithmetic.gcMs).toBeLessThan(0.1 * arithmetic.wallMs);
  });
});
