import type { TraceThread } from './model.js';
import type { TaskInterval } from './overlap.js';

/**
 * The tasks of an exported Chrome trace (toChromeTrace's output, parsed from the file), back as intervals:
 * what a test or a script checks a real trace file with (see overlap.ts). Times stay as the file has them
 * (µs from the trace's clock origin). Reads `task` events whether written as slices (`X`) or async pairs.
 */
export function taskIntervalsFromChromeTrace(trace: unknown): TaskInterval[] {
  const events = isObject(trace) && Array.isArray(trace.traceEvents) ? (trace.traceEvents as unknown[]) : [];
  const intervals: TaskInterval[] = [];
  const open = new Map<string, { ts: number; args: Record<string, unknown> }>();
  for (const event of events) {
    if (!isObject(event) || event.cat !== 'task' || typeof event.ts !== 'number') continue;
    const args = isObject(event.args) ? event.args : {};
    if (event.ph === 'X' && typeof event.dur === 'number') {
      const interval = toInterval(args, event.ts, event.ts + event.dur);
      if (interval !== undefined) intervals.push(interval);
    } else if (event.ph === 'b') {
      open.set(asyncKey(event), { ts: event.ts, args });
    } else if (event.ph === 'e') {
      const begin = open.get(asyncKey(event));
      open.delete(asyncKey(event));
      const interval = begin === undefined ? undefined : toInterval(begin.args, begin.ts, event.ts);
      if (interval !== undefined) intervals.push(interval);
    }
  }
  return intervals;
}

function asyncKey(event: Record<string, unknown>): string {
  return JSON.stringify([event.pid, event.cat, event.id, event.name]);
}

function toInterval(args: Record<string, unknown>, startUs: number, endUs: number): TaskInterval | undefined {
  const { cell, process, sample, threadId } = args;
  if (typeof cell !== 'string' || typeof process !== 'number' || typeof sample !== 'number') return undefined;
  const thread: TraceThread = typeof threadId === 'number' ? { kind: 'worker', threadId } : { kind: 'main' };
  return { cellId: cell, process, sample, thread, startUs, endUs };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
