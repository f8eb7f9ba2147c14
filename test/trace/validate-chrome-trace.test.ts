import { describe, expect, it } from 'vitest';
import { validateChromeTrace } from '../../src/trace/validate-chrome-trace.js';

/** A small, hand-written trace in the documented format: one process, a thread, a worker, a flow between them. */
function goodTrace(): { traceEvents: Array<Record<string, unknown>>; displayTimeUnit: string } {
  return {
    displayTimeUnit: 'ms',
    traceEvents: [
      { ph: 'M', name: 'process_name', pid: 1, tid: 10, ts: 0, args: { name: 'cell' } },
      { ph: 'M', name: 'thread_name', pid: 1, tid: 10, ts: 0, args: { name: 'event loop' } },
      { ph: 'M', name: 'thread_name', pid: 1, tid: 11, ts: 0, args: { name: 'worker 1' } },
      { ph: 'M', name: 'thread_sort_index', pid: 1, tid: 11, ts: 0, args: { sort_index: 1 } },
      { ph: 'X', name: 'dispatch', cat: 'dispatch', pid: 1, tid: 10, ts: 0, dur: 1 },
      { ph: 's', name: 'dispatch', cat: 'flow', id: '0x1', pid: 1, tid: 10, ts: 0.5 },
      { ph: 'b', name: 'queue wait 0', cat: 'queue', id: '0x2', pid: 1, tid: 10, ts: 0 },
      { ph: 'e', name: 'queue wait 0', cat: 'queue', id: '0x2', pid: 1, tid: 10, ts: 5 },
      { ph: 'X', name: 'task 0', cat: 'task', pid: 1, tid: 11, ts: 5, dur: 100, args: { cell: 'cell', task: 0 } },
      { ph: 'X', name: 'inner', cat: 'task', pid: 1, tid: 11, ts: 10, dur: 50 },
      { ph: 'f', name: 'dispatch', cat: 'flow', id: '0x1', bp: 'e', pid: 1, tid: 11, ts: 5.5 },
      { ph: 'C', name: 'tasks in flight', pid: 1, tid: 10, ts: 0, args: { value: 1 } },
    ],
  };
}

/** The good trace with one event replaced (by index), added (index past the end) or removed (undefined). */
function withEvent(index: number, event: Record<string, unknown> | undefined): ReturnType<typeof goodTrace> {
  const trace = goodTrace();
  if (event === undefined) trace.traceEvents.splice(index, 1);
  else trace.traceEvents[index] = event;
  return trace;
}

describe('validateChromeTrace', () => {
  it('accepts a well-formed hand-written trace', () => {
    expect(validateChromeTrace(goodTrace())).toEqual([]);
  });

  it('refuses what is not a trace at all', () => {
    expect(validateChromeTrace([])).toEqual(['the trace is not a JSON object']);
    expect(validateChromeTrace({ traceEvents: {} })).toEqual(['traceEvents is not an array']);
    expect(validateChromeTrace({ ...goodTrace(), displayTimeUnit: 'us' })).toEqual([
      'displayTimeUnit must be "ms" or "ns" (got "us")',
    ]);
  });

  const cases: Array<[string, number, Record<string, unknown> | undefined, RegExp]> = [
    ['an unknown phase', 4, { ph: 'Q', name: 'x', pid: 1, tid: 10, ts: 0 }, /event 4: ph "Q" is not one of/],
    [
      'an X event without dur',
      4,
      { ph: 'X', name: 'dispatch', cat: 'dispatch', pid: 1, tid: 10, ts: 0 },
      /event 4 \(X\): dur must be/,
    ],
    [
      'a negative dur',
      4,
      { ph: 'X', name: 'dispatch', cat: 'dispatch', pid: 1, tid: 10, ts: 0, dur: -1 },
      /dur must be a finite number ≥ 0/,
    ],
    [
      'a ts that is a string',
      8,
      { ph: 'X', name: 'task 0', cat: 'task', pid: 1, tid: 11, ts: '5', dur: 100 },
      /event 8 \(X\): ts must be a finite number/,
    ],
    [
      'a pid that is not an integer',
      8,
      { ph: 'X', name: 'task 0', cat: 'task', pid: 1.5, tid: 11, ts: 5, dur: 100 },
      /pid must be a non-negative integer/,
    ],
    [
      'a missing name',
      8,
      { ph: 'X', cat: 'task', pid: 1, tid: 11, ts: 5, dur: 100 },
      /name must be a non-empty string/,
    ],
    [
      'a counter with a text value',
      11,
      { ph: 'C', name: 'tasks in flight', pid: 1, tid: 10, ts: 0, args: { value: 'one' } },
      /\(C\): args must hold one or more finite numbers/,
    ],
    [
      'an async begin without an id',
      6,
      { ph: 'b', name: 'queue wait 0', cat: 'queue', pid: 1, tid: 10, ts: 0 },
      /\(b\): id must be a string or an integer/,
    ],
    ['an async begin without its end', 7, undefined, /event 6 \(b\): never ended by a matching "e"/],
    [
      'an async end whose name differs from its begin',
      7,
      { ph: 'e', name: 'other', cat: 'queue', id: '0x2', pid: 1, tid: 10, ts: 5 },
      /no open "b" with the same pid, cat, id and name/,
    ],
    ['a flow start without its end', 10, undefined, /needs exactly one "s" and one "f" \(has 1 and 0\)/],
    [
      'a flow end before its start',
      10,
      { ph: 'f', name: 'dispatch', cat: 'flow', id: '0x1', bp: 'e', pid: 1, tid: 10, ts: 0.25 },
      /ends \(event 10\) before it starts/,
    ],
    [
      'a flow start with no slice to bind to',
      4,
      { ph: 'X', name: 'dispatch', cat: 'dispatch', pid: 1, tid: 10, ts: 0, dur: 0.1 },
      /event 5 \(s\): no slice on its thread for the flow to bind to/,
    ],
    [
      'a bind point on a flow start',
      5,
      { ph: 's', name: 'dispatch', cat: 'flow', id: '0x1', bp: 'e', pid: 1, tid: 10, ts: 0.5 },
      /bp may only be "e", on a flow end/,
    ],
    [
      'X events on one thread that overlap without nesting',
      9,
      { ph: 'X', name: 'inner', cat: 'task', pid: 1, tid: 11, ts: 50, dur: 100 },
      /pid 1 tid 11: X events overlap without nesting/,
    ],
    ['a thread with events but no name', 2, undefined, /pid 1 tid 11 has events but no thread_name metadata/],
    ['a process with events but no name', 0, undefined, /pid 1 has events but no process_name metadata/],
    [
      'a sort index that is not an integer',
      3,
      { ph: 'M', name: 'thread_sort_index', pid: 1, tid: 11, ts: 0, args: { sort_index: 'first' } },
      /args.sort_index must be an integer/,
    ],
  ];
  for (const [what, index, event, problem] of cases) {
    it(`finds ${what}`, () => {
      const problems = validateChromeTrace(withEvent(index, event));
      expect(
        problems.some((text) => problem.test(text)),
        problems.join('\n'),
      ).toBe(true);
    });
  }
});
