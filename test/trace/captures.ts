import type { TraceCapture, TraceSpan } from '../../src/trace/model.js';

/**
 * Hand-made captures with round figures, so every expected value in the tests can be worked out on paper.
 * Timestamps sit on an epoch-µs clock like the engine's (performance.timeOrigin + now(), in µs).
 */
export const T0_US = 1_700_000_000_000_000;

export function span(
  cellId: string,
  fields: Partial<TraceSpan> & Pick<TraceSpan, 'taskIndex' | 'startUs' | 'endUs'>,
): TraceSpan {
  return {
    cellId,
    process: 0,
    round: 0,
    sample: 0,
    thread: { kind: 'main' },
    ...fields,
    startUs: T0_US + fields.startUs,
    endUs: T0_US + fields.endUs,
    ...(fields.dispatchUs !== undefined ? { dispatchUs: T0_US + fields.dispatchUs } : {}),
  };
}

export const SEQUENTIAL = 'cpu-compute/sequential/t1';
export const CONCURRENT = 'io-timer/concurrent/t1';
export const PARALLEL = 'cpu-compute/parallel/t2';

/** Three tasks one after another on the event loop, each 1000 µs, touching. */
export const sequentialSpans: TraceSpan[] = [0, 1, 2].map((taskIndex) =>
  span(SEQUENTIAL, { taskIndex, startUs: taskIndex * 1000, endUs: (taskIndex + 1) * 1000 }),
);

/** Three tasks started 1 µs apart on the event loop, each awaiting a 5000 µs timer: all in progress at once. */
export const concurrentSpans: TraceSpan[] = [0, 1, 2].map((taskIndex) =>
  span(CONCURRENT, { taskIndex, startUs: 10_000 + taskIndex, endUs: 15_000 + taskIndex * 3 }),
);

/**
 * Four tasks handed to a pool of two at 0, 2, 4, 6 µs. Worker 1 runs task 0 over [10, 1010] and task 2 over
 * [1010, 2010]; worker 2 runs task 1 over [12, 1012] and task 3 over [1012, 2012].
 */
export const parallelSpans: TraceSpan[] = [
  span(PARALLEL, {
    taskIndex: 0,
    thread: { kind: 'worker', threadId: 1 },
    dispatchUs: 20_000,
    startUs: 20_010,
    endUs: 21_010,
  }),
  span(PARALLEL, {
    taskIndex: 1,
    thread: { kind: 'worker', threadId: 2 },
    dispatchUs: 20_002,
    startUs: 20_012,
    endUs: 21_012,
  }),
  span(PARALLEL, {
    taskIndex: 2,
    thread: { kind: 'worker', threadId: 1 },
    dispatchUs: 20_004,
    startUs: 21_010,
    endUs: 22_010,
  }),
  span(PARALLEL, {
    taskIndex: 3,
    thread: { kind: 'worker', threadId: 2 },
    dispatchUs: 20_006,
    startUs: 21_012,
    endUs: 22_012,
  }),
];

export function demoCapture(): TraceCapture {
  return {
    spans: [...sequentialSpans, ...concurrentSpans, ...parallelSpans],
    counters: [
      { cellId: PARALLEL, process: 0, tsUs: T0_US + 20_000, name: 'tasks in flight', value: 4 },
      { cellId: PARALLEL, process: 0, tsUs: T0_US + 22_012, name: 'tasks in flight', value: 0 },
      { cellId: CONCURRENT, process: 0, tsUs: T0_US + 15_006, name: 'event-loop utilization', value: 0.02 },
    ],
    workers: [
      { cellId: PARALLEL, process: 0, threadId: 1, eventLoopUtilization: 0.9 },
      { cellId: PARALLEL, process: 0, threadId: 2, eventLoopUtilization: 0.8 },
    ],
  };
}
