import { describe, expect, it } from 'vitest';
import { MAX_TRACE_SPANS, traceCaptureSchema } from '../../src/results/trace-schema.js';
import { demoCapture } from './captures.js';

describe("traceCaptureSchema (the result file's optional `trace`)", () => {
  it('accepts a capture as the engine makes it, through JSON', () => {
    const capture = demoCapture();
    expect(traceCaptureSchema.parse(JSON.parse(JSON.stringify(capture)))).toEqual(capture);
  });

  const bad: Array<[string, (capture: ReturnType<typeof demoCapture>) => unknown, string]> = [
    [
      'a span that ends before it starts',
      (c) => ({ ...c, spans: [{ ...c.spans[0], endUs: (c.spans[0]?.startUs ?? 0) - 1 }] }),
      'endUs',
    ],
    [
      'a hand-over after the start',
      (c) => ({ ...c, spans: [{ ...c.spans[0], dispatchUs: (c.spans[0]?.startUs ?? 0) + 1 }] }),
      'dispatchUs',
    ],
    ['a thread of unknown kind', (c) => ({ ...c, spans: [{ ...c.spans[0], thread: { kind: 'fiber' } }] }), 'thread'],
    ['an unknown counter', (c) => ({ ...c, counters: [{ ...c.counters[0], name: 'heap' }] }), 'name'],
    [
      'a utilization over 1',
      (c) => ({ ...c, workers: [{ ...c.workers[0], eventLoopUtilization: 1.5 }] }),
      'eventLoopUtilization',
    ],
    [
      'more spans than the cap',
      (c) => ({ ...c, spans: Array.from({ length: MAX_TRACE_SPANS + 1 }, () => c.spans[0]) }),
      'spans',
    ],
  ];
  for (const [what, make, field] of bad) {
    it(`refuses ${what}, naming the field`, () => {
      const parsed = traceCaptureSchema.safeParse(make(demoCapture()));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path.map(String)).toContain(field);
    });
  }
});
