import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { probeColdStart } from '../../src/studies/cold-start-probe.js';

/**
 * A real fresh worker (compiled dist/src/studies/cold-start-worker.js: `npm run build` first) on a workload whose
 * first 3 tasks per thread spin 15 ms and the rest 2 ms. Bounds are one-sided and generous: the tasks spin by the
 * clock, so a busy machine only stretches them (by a preemption at their end), never shortens them.
 */
const LAZY_INIT = pathToFileURL(fileURLToPath(new URL('../fixtures/cold-start/lazy-init.mjs', import.meta.url))).href;

describe('cold-start probe', () => {
  it('finds the slow first tasks of a fresh worker and their excess', async () => {
    const probe = await probeColdStart({ workloadUrl: LAZY_INIT, runs: 20 });
    expect(probe.taskDurationsMs).toHaveLength(20);
    expect(probe.threadGcMs).toBeGreaterThanOrEqual(0);
    expect(probe.workerOnlineMs).toBeGreaterThan(0);
    expect(probe.moduleLoadMs).toBeGreaterThan(0);
    expect(probe.cost.steadyMedianMs).toBeGreaterThanOrEqual(2);
    // On a busy machine the scheduler stretches some 2 ms tasks several-fold: the bounds leave room for that.
    expect(probe.cost.steadyMedianMs).toBeLessThan(10);
    for (const durationMs of probe.taskDurationsMs.slice(0, 3)) expect(durationMs).toBeGreaterThanOrEqual(15);
    expect(probe.cost.tasksUntilSteady).toBeGreaterThanOrEqual(3);
    // Each of the first 3 tasks lasts at least 15 ms, so they exceed the steady median by 3 × (15 − median) at least
    // (39 ms at a 2 ms median), whatever the machine stretched.
    expect(probe.cost.excessMs).toBeGreaterThanOrEqual(3 * (15 - probe.cost.steadyMedianMs) - 1e-6);
  });

  it('a task that throws fails the probe with the task’s error', async () => {
    const throwing = pathToFileURL(fileURLToPath(new URL('../fixtures/core-throws.mjs', import.meta.url))).href;
    await expect(probeColdStart({ workloadUrl: throwing, runs: 4 })).rejects.toThrow('task failed on purpose');
  });
});
