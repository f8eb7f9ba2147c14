import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TraceEvent, toChromeTrace } from '../../src/trace/chrome-trace.js';
import type { TraceCapture, TraceSpan } from '../../src/trace/model.js';
import { taskIntervalsFromChromeTrace } from '../../src/trace/readback.js';
import { validateChromeTrace } from '../../src/trace/validate-chrome-trace.js';
import { CONCURRENT, demoCapture, PARALLEL, SEQUENTIAL, T0_US } from './captures.js';

const META = { tool: { name: 'corescope', version: '0.0.0-test' } };

function exported(capture: TraceCapture = demoCapture()) {
  // Through JSON, as a viewer reads the file.
  return JSON.parse(JSON.stringify(toChromeTrace(capture, META))) as {
    traceEvents: TraceEvent[];
    displayTimeUnit: string;
    metadata: Record<string, unknown>;
  };
}

function pidOf(events: readonly TraceEvent[], cellId: string): number {
  const named = events.find(
    (event) => event.ph === 'M' && event.name === 'process_name' && event.args?.name === `${cellId} · process 0`,
  );
  if (named === undefined) throw new Error(`no process for ${cellId}`);
  return named.pid;
}

function threadNames(events: readonly TraceEvent[], pid: number): Map<number, unknown> {
  return new Map(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.pid === pid)
      .map((event) => [event.tid, event.args?.name]),
  );
}

describe('toChromeTrace', () => {
  it(
    'writes a file the structural validator accepts, with one named process per cell and one named track ' +
      'per thread',
    () => {
      const trace = exported();
      expect(validateChromeTrace(trace)).toEqual([]);
      expect(trace.displayTimeUnit).toBe('ms');
      expect(trace.metadata.clockOriginUs).toBe(T0_US);
      const processNames = trace.traceEvents
        .filter((event) => event.name === 'process_name')
        .map((event) => event.args?.name);
      expect(processNames).toEqual([
        `${SEQUENTIAL} · process 0`,
        `${CONCURRENT} · process 0`,
        `${PARALLEL} · process 0`,
      ]);
      expect([...threadNames(trace.traceEvents, pidOf(trace.traceEvents, PARALLEL)).values()]).toEqual([
        'event loop',
        'worker 1',
        'worker 2',
      ]);
    },
  );

  it('draws sequential tasks as complete events on the event-loop track, timed from the first timestamp', () => {
    const { traceEvents } = exported();
    const pid = pidOf(traceEvents, SEQUENTIAL);
    const loopTid = [...threadNames(traceEvents, pid)].find(([, name]) => name === 'event loop')?.[0];
    const tasks = traceEvents.filter((event) => event.pid === pid && event.cat === 'task');
    expect(tasks.map((event) => [event.ph, event.tid, event.ts, event.dur, event.name])).toEqual([
      ['X', loopTid, 0, 1000, 'task 0'],
      ['X', loopTid, 1000, 1000, 'task 1'],
      ['X', loopTid, 2000, 1000, 'task 2'],
    ]);
    expect(tasks[1]?.args).toEqual({
      cell: SEQUENTIAL,
      process: 0,
      sample: 0,
      round: 0,
      task: 1,
      thread: 'event loop',
    });
  });

  it('draws tasks that overlap on the event loop (concurrent) as async begin/end pairs: X events must nest', () => {
    const { traceEvents } = exported();
    const pid = pidOf(traceEvents, CONCURRENT);
    const tasks = traceEvents.filter((event) => event.pid === pid && event.cat === 'task');
    expect(tasks.filter((event) => event.ph === 'X')).toEqual([]);
    const begins = tasks.filter((event) => event.ph === 'b');
    const ends = tasks.filter((event) => event.ph === 'e');
    expect(begins.map((event) => event.ts)).toEqual([10_000, 10_001, 10_002]);
    expect(ends.map((event) => event.ts)).toEqual([15_000, 15_003, 15_006]);
    expect(new Set(begins.map((event) => event.id)).size).toBe(3);
    expect(ends.map((event) => event.id).sort()).toEqual(begins.map((event) => event.id).sort());
  });

  it('splits pool tasks into queue wait and run, with a flow from each dispatch to the run it started', () => {
    const { traceEvents } = exported();
    const pid = pidOf(traceEvents, PARALLEL);
    const names = threadNames(traceEvents, pid);
    const tidNamed = (name: string): number | undefined => [...names].find(([, value]) => value === name)?.[0];
    const runs = traceEvents.filter((event) => event.pid === pid && event.cat === 'task');
    expect(runs.map((event) => [event.ph, event.tid, event.ts, event.dur])).toEqual([
      ['X', tidNamed('worker 1'), 20_010, 1000],
      ['X', tidNamed('worker 2'), 20_012, 1000],
      ['X', tidNamed('worker 1'), 21_010, 1000],
      ['X', tidNamed('worker 2'), 21_012, 1000],
    ]);
    const waits = traceEvents.filter((event) => event.pid === pid && event.cat === 'queue');
    expect(waits.filter((event) => event.ph === 'b').map((event) => [event.ts, event.args?.waitUs])).toEqual([
      [20_000, 10],
      [20_002, 10],
      [20_004, 1006],
      [20_006, 1006],
    ]);
    expect(waits.filter((event) => event.ph === 'e').map((event) => event.ts)).toEqual([
      20_010, 20_012, 21_010, 21_012,
    ]);

    // Hand-overs 2 µs apart: each dispatch slice lasts 1 µs; the flow leaves from its middle.
    const dispatches = traceEvents.filter((event) => event.pid === pid && event.cat === 'dispatch');
    expect(dispatches.map((event) => [event.tid, event.ts, event.dur])).toEqual(
      [0, 2, 4, 6].map((offset) => [tidNamed('event loop'), 20_000 + offset, 1]),
    );
    const starts = traceEvents.filter((event) => event.pid === pid && event.ph === 's');
    const finishes = traceEvents.filter((event) => event.pid === pid && event.ph === 'f');
    expect(starts.map((event) => event.ts)).toEqual([20_000.5, 20_002.5, 20_004.5, 20_006.5]);
    expect(finishes.map((event) => [event.ts, event.bp])).toEqual([
      [20_010.5, 'e'],
      [20_012.5, 'e'],
      [21_010.5, 'e'],
      [21_012.5, 'e'],
    ]);
    expect(finishes.map((event) => event.id)).toEqual(starts.map((event) => event.id));
  });

  it("writes the counters per cell, and the workers' event-loop utilization in the metadata", () => {
    const trace = exported();
    const counters = trace.traceEvents.filter((event) => event.ph === 'C');
    expect(counters.map((event) => [event.pid, event.name, event.ts, event.args])).toEqual([
      [pidOf(trace.traceEvents, CONCURRENT), 'event-loop utilization', 15_006, { value: 0.02 }],
      [pidOf(trace.traceEvents, PARALLEL), 'tasks in flight', 20_000, { value: 4 }],
      [pidOf(trace.traceEvents, PARALLEL), 'tasks in flight', 22_012, { value: 0 }],
    ]);
    expect(trace.metadata.workers).toEqual(demoCapture().workers);
  });

  it('gives back the tasks it was given when read from the file', () => {
    const capture = demoCapture();
    const intervals = taskIntervalsFromChromeTrace(exported(capture));
    const key = (interval: { cellId: string; sample: number; startUs: number; endUs: number; thread: unknown }) =>
      JSON.stringify([interval.cellId, interval.sample, interval.thread, interval.startUs, interval.endUs]);
    const expected = capture.spans.map((span) => ({
      ...span,
      startUs: span.startUs - T0_US,
      endUs: span.endUs - T0_US,
    }));
    expect(intervals.map(key).sort()).toEqual(expected.map(key).sort());
  });
});

/** Random captures: cells of random shape, tasks on random threads at random times, some overlapping. */
const captureArbitrary: fc.Arbitrary<TraceCapture> = fc
  .array(
    fc.record({
      cell: fc.constantFrom('a/sequential/t1', 'a/concurrent/t1', 'b/parallel/t2', 'b/hybrid/t4'),
      process: fc.integer({ min: 0, max: 1 }),
      sample: fc.integer({ min: 0, max: 3 }),
      worker: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      startUs: fc.integer({ min: 0, max: 50_000 }),
      durationUs: fc.integer({ min: 0, max: 5_000 }),
      queueUs: fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((rows) => ({
    spans: rows.map((row, taskIndex): TraceSpan => ({
      cellId: row.cell,
      process: row.process,
      round: row.sample,
      sample: row.sample,
      taskIndex,
      thread: row.worker === undefined ? { kind: 'main' } : { kind: 'worker', threadId: row.worker },
      ...(row.worker !== undefined && row.queueUs !== undefined
        ? { dispatchUs: T0_US + row.startUs - row.queueUs }
        : {}),
      startUs: T0_US + row.startUs,
      endUs: T0_US + row.startUs + row.durationUs,
    })),
    counters: rows.map((row) => ({
      cellId: row.cell,
      process: row.process,
      tsUs: T0_US + row.startUs,
      name: 'tasks in flight' as const,
      value: 1,
    })),
    workers: [],
  }));

describe('toChromeTrace on random captures', () => {
  it('always writes a structurally valid file that gives its tasks back', () => {
    fc.assert(
      fc.property(captureArbitrary, (capture) => {
        const trace = exported(capture);
        expect(validateChromeTrace(trace)).toEqual([]);
        expect(taskIntervalsFromChromeTrace(trace)).toHaveLength(capture.spans.length);
      }),
      // The first counterexample fast-check found: a task handed over and run, for no time, in the same instant.
      { numRuns: 300, examples: [[SAME_INSTANT]] },
    );
  });
});

const SAME_INSTANT: TraceCapture = {
  spans: [
    {
      cellId: 'a/sequential/t1',
      process: 0,
      round: 0,
      sample: 0,
      taskIndex: 0,
      thread: { kind: 'worker', threadId: 1 },
      dispatchUs: T0_US,
      startUs: T0_US,
      endUs: T0_US,
    },
    {
      cellId: 'a/sequential/t1',
      process: 0,
      round: 0,
      sample: 0,
      taskIndex: 1,
      thread: { kind: 'main' },
      startUs: T0_US,
      endUs: T0_US,
    },
  ],
  counters: [{ cellId: 'a/sequential/t1', process: 0, tsUs: T0_US, name: 'tasks in flight', value: 1 }],
  workers: [],
};
