import { describe, expect, it } from 'vitest';
import {
  neverOverlapped,
  overlapFacts,
  overlappedOnOneThread,
  ranOnTwoWorkersAtOnce,
  type TaskInterval,
} from '../../src/trace/overlap.js';
import { CONCURRENT, concurrentSpans, PARALLEL, parallelSpans, SEQUENTIAL, sequentialSpans } from './captures.js';

const all = [...sequentialSpans, ...concurrentSpans, ...parallelSpans];

function interval(fields: Partial<TaskInterval> & Pick<TaskInterval, 'startUs' | 'endUs'>): TaskInterval {
  return { cellId: 'c', process: 0, sample: 0, thread: { kind: 'main' }, ...fields };
}

/** A naive reference: every pair of tasks of the same sample, compared directly. */
function naive(intervals: readonly TaskInterval[]) {
  const overlap = (a: TaskInterval, b: TaskInterval): boolean =>
    a.process === b.process && a.sample === b.sample && a.startUs < b.endUs && b.startUs < a.endUs;
  const pairs = intervals.flatMap((a, i) =>
    intervals
      .slice(i + 1)
      .filter((b) => overlap(a, b))
      .map((b) => [a, b] as const),
  );
  const sameThread = (a: TaskInterval, b: TaskInterval): boolean =>
    JSON.stringify(a.thread) === JSON.stringify(b.thread);
  return {
    any: pairs.length > 0,
    onOneThread: pairs.some(([a, b]) => sameThread(a, b)),
    acrossWorkers: pairs.some(
      ([a, b]) => a.thread.kind === 'worker' && b.thread.kind === 'worker' && !sameThread(a, b),
    ),
  };
}

describe('overlap helpers', () => {
  it('sequential tasks that touch end to start never overlap', () => {
    expect(neverOverlapped(all, SEQUENTIAL)).toBe(true);
    expect(overlappedOnOneThread(all, SEQUENTIAL)).toBe(false);
  });

  it('concurrent tasks overlap on the one thread, and on no worker', () => {
    expect(overlappedOnOneThread(all, CONCURRENT)).toBe(true);
    expect(ranOnTwoWorkersAtOnce(all, CONCURRENT)).toBe(false);
    expect(neverOverlapped(all, CONCURRENT)).toBe(false);
  });

  it('a pool of two runs tasks at once on two workers, each worker one at a time', () => {
    expect(overlapFacts(all, PARALLEL)).toEqual({
      onOneThread: false,
      acrossWorkers: true,
      any: true,
      peakBusyWorkers: 2,
    });
  });

  it('compares tasks within one sample only: samples run one after another', () => {
    const separate = [interval({ sample: 0, startUs: 0, endUs: 10 }), interval({ sample: 1, startUs: 5, endUs: 15 })];
    expect(neverOverlapped(separate, 'c')).toBe(true);
    expect(neverOverlapped([interval({ startUs: 0, endUs: 10 }), interval({ startUs: 5, endUs: 15 })], 'c')).toBe(
      false,
    );
  });

  it('a worker overlapping the event loop is overlap, but not two workers at once', () => {
    const mixed = [
      interval({ startUs: 0, endUs: 10 }),
      interval({ thread: { kind: 'worker', threadId: 3 }, startUs: 5, endUs: 15 }),
    ];
    expect(overlapFacts(mixed, 'c')).toEqual({
      onOneThread: false,
      acrossWorkers: false,
      any: true,
      peakBusyWorkers: 1,
    });
  });

  it('agrees with comparing every pair, on random tasks', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (let trial = 0; trial < 300; trial += 1) {
      const intervals = Array.from({ length: 2 + Math.floor(random() * 6) }, () => {
        const startUs = Math.floor(random() * 20);
        const worker = Math.floor(random() * 3);
        return interval({
          sample: Math.floor(random() * 2),
          thread: worker === 0 ? { kind: 'main' } : { kind: 'worker', threadId: worker },
          startUs,
          endUs: startUs + Math.floor(random() * 8),
        });
      });
      const { any, onOneThread, acrossWorkers } = overlapFacts(intervals, 'c');
      expect({ any, onOneThread, acrossWorkers }, JSON.stringify(intervals)).toEqual(naive(intervals));
    }
  });
});
