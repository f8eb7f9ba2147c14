import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Piscina } from 'piscina';
import { describe, expect, it } from 'vitest';
import { toChromeTrace } from '../../src/trace/chrome-trace.js';
import type { TraceCapture, TraceSpan } from '../../src/trace/model.js';
import { neverOverlapped, overlappedOnOneThread, ranOnTwoWorkersAtOnce } from '../../src/trace/overlap.js';
import { taskIntervalsFromChromeTrace } from '../../src/trace/readback.js';
import { validateChromeTrace } from '../../src/trace/validate-chrome-trace.js';
import { workerFigures } from '../../src/trace/worker-figures.js';

/**
 * The whole trace path on real threads (a capture made here, not the engine's): tasks timed on a real piscina
 * pool and on the event loop, on the clock the engine uses, exported, read back from the file, and judged by
 * the overlap helpers. The file lands in test-output/trace/ for a look in ui.perfetto.dev.
 */
const nowUs = (): number => (performance.timeOrigin + performance.now()) * 1000;
const WORKER = new URL('../fixtures/trace-clock-worker.mjs', import.meta.url).href;
const SPIN_MS = 30;
const TASKS = 4;

interface Reply {
  startUs: number;
  endUs: number;
  threadId: number;
  eventLoopUtilization: number;
}

function spinHere(ms: number): void {
  const startUs = nowUs();
  while (nowUs() - startUs < ms * 1000);
}

describe('a trace of real tasks', () => {
  it(
    'shows a pool of two running tasks at once on two workers, Promise.all overlapping on one thread, ' +
      'sequential never',
    async () => {
      const capture: TraceCapture = { spans: [], counters: [], workers: [] };
      const task = (
        cellId: string,
        taskIndex: number,
        fields: Pick<TraceSpan, 'thread' | 'startUs' | 'endUs'> & { dispatchUs?: number },
      ): TraceSpan => ({ cellId, process: 0, round: 0, sample: 0, taskIndex, ...fields });

      for (let index = 0; index < TASKS; index += 1) {
        const startUs = nowUs();
        spinHere(SPIN_MS / 3);
        capture.spans.push(task('real/sequential/t1', index, { thread: { kind: 'main' }, startUs, endUs: nowUs() }));
      }
      await Promise.all(
        Array.from({ length: TASKS }, async (_, index) => {
          const startUs = nowUs();
          await sleep(SPIN_MS);
          capture.spans.push(task('real/concurrent/t1', index, { thread: { kind: 'main' }, startUs, endUs: nowUs() }));
        }),
      );

      const pool = new Piscina<{ spinMs: number }, Reply>({ filename: WORKER, minThreads: 2, maxThreads: 2 });
      try {
        // Warm both threads, so the traced sample holds no thread start-up.
        await Promise.all([pool.run({ spinMs: 1 }), pool.run({ spinMs: 1 })]);
        const replies = await Promise.all(
          Array.from({ length: TASKS }, async (_, index) => {
            const dispatchUs = nowUs();
            const reply = await pool.run({ spinMs: SPIN_MS });
            return { index, dispatchUs, reply };
          }),
        );
        for (const { index, dispatchUs, reply } of replies) {
          capture.spans.push(
            task('real/parallel/t2', index, {
              thread: { kind: 'worker', threadId: reply.threadId },
              dispatchUs,
              startUs: reply.startUs,
              endUs: reply.endUs,
            }),
          );
        }
        const lastByThread = new Map(replies.map(({ reply }) => [reply.threadId, reply.eventLoopUtilization]));
        for (const [threadId, eventLoopUtilization] of lastByThread)
          capture.workers.push({ cellId: 'real/parallel/t2', process: 0, threadId, eventLoopUtilization });
        // One clock across threads: no task starts on a worker before the event loop handed it over (1 ms of slack
        // for the two threads' timeOrigin readings).
        for (const { dispatchUs, reply } of replies) expect(reply.startUs).toBeGreaterThan(dispatchUs - 1000);
      } finally {
        await pool.destroy();
      }

      const trace = JSON.parse(
        JSON.stringify(toChromeTrace(capture, { tool: { name: 'corescope', version: 'test' } })),
      ) as unknown;
      expect(validateChromeTrace(trace)).toEqual([]);
      const intervals = taskIntervalsFromChromeTrace(trace);
      expect(ranOnTwoWorkersAtOnce(intervals, 'real/parallel/t2')).toBe(true);
      expect(overlappedOnOneThread(intervals, 'real/concurrent/t1')).toBe(true);
      expect(neverOverlapped(intervals, 'real/sequential/t1')).toBe(true);
      expect(workerFigures(capture).get('real/parallel/t2')?.threads).toBe(2);

      const dir = resolve('test-output', 'trace');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'real-pool.trace.json'), JSON.stringify(trace));
    },
  );
});
