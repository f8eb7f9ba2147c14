import { pbkdf2Sync } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { loadWorkload, resolveWorkloadUrl } from '../../src/workload-source.js';

describe('cpu-hash-async', () => {
  it('derives the same key as synchronous PBKDF2-SHA256, one per task index', async () => {
    const workload = await loadWorkload(resolveWorkloadUrl('cpu-hash-async'));
    const keys = await Promise.all([0, 1, 2].map((index) => workload.task({ data: undefined, size: 500, index })));
    expect(keys).toEqual([0, 1, 2].map((index) => pbkdf2Sync(`corescope-${index}`, 'corescope-salt', 500, 32, 'sha256').toString('hex')));
    expect(new Set(keys).size).toBe(3);
  });

  it('leaves the event loop free while it hashes: the work runs on libuv threads', async () => {
    const workload = await loadWorkload(resolveWorkloadUrl('cpu-hash-async'));
    const size = workload.defaultSize * 40;
    // The same work done synchronously blocks the loop for its whole length; asynchronously the loop stays responsive.
    const startedMs = performance.now();
    pbkdf2Sync('corescope-0', 'corescope-salt', size, 32, 'sha256');
    const blockingMs = performance.now() - startedMs;

    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    await workload.task({ data: undefined, size, index: 0 });
    delay.disable();
    expect(delay.max / 1e6).toBeLessThan(blockingMs / 2);
  });
});
