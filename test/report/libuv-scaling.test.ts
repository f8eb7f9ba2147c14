import { describe, expect, it } from 'vitest';
import type { Benchmark } from '../../src/results/schema.js';
import { workloadGroupKey } from '../../src/report/data/workload-group.js';
import { libuvVerdictLines } from '../../src/report/text/libuv.js';
import { renderRunSummary } from '../../src/report/terminal/terminal.js';

/** No wrapping: these tests read sentences whole; test/report/terminal-width.test.ts checks the wrapping. */
const UNWRAPPED = Number.POSITIVE_INFINITY;
import { withScalingFits } from '../../src/runner/scaling.js';
import { uslScaling } from '../../src/stats/usl.js';
import { syntheticResult } from '../helpers/result-fixture.js';
import { okCell } from '../helpers/synthetic-cell.js';

const environment = syntheticResult().environment;

/** A --uv-threadpool sweep of one workload: concurrent's speedup per pool size as given, its interval ±ciPct %. */
function uvSweep(workload: string, concurrentSpeedup: Record<number, number>, speedupCiPct = 5): Benchmark[] {
  return Object.entries(concurrentSpeedup).flatMap(([sizeText, speedup]) => {
    const size = Number(sizeText);
    const idSuffix = size === environment.uvThreadpoolSize ? '' : `/uv${size}`;
    return [
      okCell({
        workload,
        strategy: 'sequential',
        threads: 1,
        medianMs: 100,
        speedup: 1,
        uvThreadpoolSize: size,
        idSuffix,
        speedupCiPct,
      }),
      okCell({
        workload,
        strategy: 'concurrent',
        threads: 1,
        medianMs: 100 / speedup,
        speedup,
        uvThreadpoolSize: size,
        idSuffix,
        speedupCiPct,
      }),
    ];
  });
}

describe('libuv verdict lines', () => {
  it('credits libuv when concurrent gains grow with the pool', () => {
    const [line] = libuvVerdictLines({
      environment,
      benchmarks: uvSweep('cpu-hash-async', { 1: 1.02, 2: 1.8, 4: 1.95 }),
    });
    expect(line).toContain(
      'cpu-hash-async (libuv pool sweep): concurrent 1.02× with 1 libuv thread, 1.80× with 2 libuv ' +
        'threads, 1.95× with 4',
    );
    expect(line).toContain(
      "comes from libuv's threads running the fs/crypto calls in parallel, not from the event loop",
    );
  });

  it('credits the event loop when the gain is the same with every pool size (within ±3 %)', () => {
    // 15.2× and 15.4×, each ±1 %: their ratio 1.013 has a 95 % interval of about ±1.4 %, inside ±3 %.
    const [line] = libuvVerdictLines({ environment, benchmarks: uvSweep('io-timer', { 1: 15.2, 4: 15.4 }, 1) });
    expect(line).toContain('the gain is waiting overlapped on the event loop');
    const [none] = libuvVerdictLines({ environment, benchmarks: uvSweep('cpu-compute', { 1: 0.9, 4: 0.92 }, 1) });
    expect(none).toContain('no gain with any pool size');
  });

  it('calls noisy, overlapping figures unclear instead of reading an effect (or its absence) into them', () => {
    // Each synthetic cell's 95 % interval is ±5 %: 1.20 (1.14–1.26) and 1.30 (1.24–1.37) overlap.
    const [line] = libuvVerdictLines({ environment, benchmarks: uvSweep('io-fs', { 1: 1.2, 4: 1.3 }) });
    expect(line).toContain('too noisy to tell whether the pool size matters');
    // 15.2× and 15.6× at ±5 %: both gain, but whether the pool size matters is inconclusive, not "the same".
    const [flat] = libuvVerdictLines({ environment, benchmarks: uvSweep('io-timer', { 1: 15.2, 4: 15.6 }) });
    expect(flat).toContain('too noisy to tell');
  });

  it('without a sweep, points out a concurrent cell that kept more than one core busy', () => {
    const busy = okCell({
      workload: 'io-fs',
      kind: 'io',
      strategy: 'concurrent',
      threads: 1,
      medianMs: 40,
      speedup: 2.5,
      coresBusy: 1.7,
    });
    const idle = okCell({
      workload: 'io-timer',
      kind: 'io',
      strategy: 'concurrent',
      threads: 1,
      medianMs: 20,
      speedup: 16,
      coresBusy: 0.05,
    });
    const lines = libuvVerdictLines({ environment, benchmarks: [busy, idle] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      "io-fs (libuv): concurrent kept 1.7 cores busy from one event loop — libuv's thread pool (4 threads)",
    );
    expect(lines[0]).toContain('--uv-threadpool 1,4');
  });

  it('keeps default-size cells under the plain workload key', () => {
    const cells = uvSweep('io-fs', { 1: 1, 4: 2 });
    expect(new Set(cells.map(workloadGroupKey))).toEqual(new Set(['io-fs/uv1', 'io-fs']));
  });
});

describe('terminal summary', () => {
  it('shows a table and a verdict per libuv pool size, then the libuv line', () => {
    const base = syntheticResult();
    const summary = renderRunSummary({ ...base, benchmarks: uvSweep('cpu-hash-async', { 1: 1, 4: 1.9 }) }, UNWRAPPED);
    expect(summary).toContain('cpu-hash-async [libuv pool 1] (cpu');
    expect(summary).toContain('cpu-hash-async [libuv pool 4] (cpu');
    expect(summary).toMatch(
      /Verdicts\n {2}cpu-hash-async \[libuv pool 1\]: .*\n {2}cpu-hash-async \[libuv pool 4\]: .*\n {2}cpu-hash-async \(libuv pool sweep\)/,
    );
  });

  it('shows scaling fits after the verdicts, or the reason there is no figure', () => {
    const base = syntheticResult();
    const sweep = [1, 2, 3, 4, 6, 8].map((n) =>
      okCell({ strategy: 'parallel', threads: n, medianMs: 400 / uslScaling(0.05, 0.004, n) }),
    );
    const fitted = renderRunSummary(
      withScalingFits({ ...base, environment: { ...base.environment, usableCores: 8 }, benchmarks: sweep }),
      UNWRAPPED,
    );
    expect(fitted.indexOf('Scaling fits')).toBeGreaterThan(fitted.indexOf('Verdicts'));
    expect(fitted).toMatch(/USL: {4}σ 0\.050, κ 0\.0040, peak at 15 threads/);
    expect(fitted).toMatch(/predicted [\d.]+× on 16 cores, [\d.]+× on 32 cores/);

    // Nothing can fit on 2 cores: said once, in one line.
    const tooFew = renderRunSummary(withScalingFits({ ...base, benchmarks: sweep.slice(0, 3) }), UNWRAPPED);
    expect(tooFew).toMatch(
      /\nScaling fits: none \(Amdahl needs 3 thread counts from 1 to the 2 usable cores, this run has 2 \(1, 2\): not possible on 2 cores/,
    );
    expect(tooFew.match(/not possible/g)).toHaveLength(1);

    // Amdahl fits five points within 16 cores; the USL, which needs six, gives its reason once, below.
    const five = renderRunSummary(
      withScalingFits({
        ...base,
        environment: { ...base.environment, usableCores: 16 },
        benchmarks: sweep.slice(0, 5),
      }),
      UNWRAPPED,
    );
    expect(five).toMatch(/Amdahl: serial fraction \d+ %/);
    expect(five).toContain('USL:    no figure (why: below)');
    expect(five.match(/no figure: USL needs 6/g)).toHaveLength(1);
  });
});

describe('verdict line', () => {
  it('credits libuv, not the event loop, when concurrent kept more than one core busy', () => {
    const sequential = okCell({
      workload: 'cpu-hash-async',
      strategy: 'sequential',
      threads: 1,
      medianMs: 100,
      speedup: 1,
    });
    const busy = okCell({
      workload: 'cpu-hash-async',
      strategy: 'concurrent',
      threads: 1,
      medianMs: 52,
      speedup: 1.9,
      coresBusy: 1.8,
    });
    const waiting = okCell({
      workload: 'io-timer',
      kind: 'io',
      strategy: 'concurrent',
      threads: 1,
      medianMs: 7,
      speedup: 15,
      coresBusy: 0.05,
    });
    expect(renderRunSummary({ ...syntheticResult(), benchmarks: [sequential, busy] }, UNWRAPPED)).toContain(
      "cpu-hash-async: concurrent 1.90× (1.80–1.99) — gain: 1.8 cores busy on one event loop: libuv's " +
        'thread pool ran the async calls in parallel',
    );
    const idleSequential = {
      ...sequential,
      workload: waiting.workload,
      id: 'io-timer/sequential/t1',
      eventLoop: { utilization: 0.02, delayP99Ms: 1 },
    };
    expect(renderRunSummary({ ...syntheticResult(), benchmarks: [idleSequential, waiting] }, UNWRAPPED)).toContain(
      'io-timer: concurrent 15.0× (14.25–15.75) — gain: the waits overlap on one thread (run one at a ' +
        'time, it idled 98 % of the time)',
    );
  });
});
