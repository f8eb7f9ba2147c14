import { describe, expect, it } from 'vitest';
import { createGcMeter } from '../../src/gc/gc-meter.js';
import { threadGcTotals } from '../../src/gc/worker-gc.js';
import { allocateFor, spinFor } from './gc-workloads.js';

/**
 * Real collections, one-sided bounds. Allocating short-lived objects for 300 ms makes V8 scavenge dozens of times
 * (measured on the 2-core dev VM: tens of ms of pauses); pure integer arithmetic allocates nothing, so any pause
 * there is someone else's garbage and stays well under a tenth of the time.
 */
const ALLOCATE_MS = 300;

describe('GC meter on the main thread', () => {
  // First in the file, before anything here has allocated: a major GC left pending by earlier garbage would land
  // in whatever runs next, arithmetic or not.
  it('pure arithmetic shows near none', async () => {
    const meter = createGcMeter();
    meter.start();
    spinFor(ALLOCATE_MS);
    const reading = await meter.stop();
    expect(reading.gcMs).toBeLessThan(0.1 * reading.wallMs);
  });

  it('an allocating workload shows GC time on the thread that ran it', async () => {
    const meter = createGcMeter();
    meter.start();
    allocateFor(ALLOCATE_MS);
    const reading = await meter.stop();
    expect(reading.wallMs).toBeGreaterThanOrEqual(ALLOCATE_MS);
    expect(reading.gcMs).toBeGreaterThan(1);
    expect(reading.heapUsedStartBytes).toBeGreaterThan(0);
  });

  it("the thread's totals grow by at least what a window saw", async () => {
    const before = threadGcTotals();
    const meter = createGcMeter();
    meter.start();
    allocateFor(ALLOCATE_MS);
    const reading = await meter.stop();
    expect(reading.gcMs).toBeGreaterThan(1);
    const after = threadGcTotals();
    expect(after.gcMs - before.gcMs).toBeGreaterThanOrEqual(reading.gcMs - 1e-9);
  });
});

describe('GcMeter.stop timing', () => {
  it('closes the window when called, not when awaited', async () => {
    const meter = createGcMeter();
    const beforeMs = performance.now();
    meter.start();
    const pending = meter.stop(); // as a synchronous afterEach hook would
    const calledMs = performance.now();
    allocateFor(100); // after the window: must not be counted
    const reading = await pending;
    // The window is no longer than the span around start() and stop(): the 100 ms after it are not in it.
    expect(reading.wallMs).toBeLessThanOrEqual(calledMs - beforeMs + 1e-9);
    expect(reading.gcMs).toBeLessThan(reading.wallMs + 1e-9);
  });
});
