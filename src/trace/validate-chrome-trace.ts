import { nestsProperly } from './nesting.js';

/**
 * A structural check of a Chrome Trace Event Format file against the format's documented fields (the "Trace
 * Event Format" document, and what Perfetto's JSON importer reads), for the phases corescope writes:
 * X (complete), b/e (nestable async), s/f (flow, v1), C (counter) and M (metadata). It returns every problem
 * found, each naming the event by index; an empty list means the file is well formed.
 */

type Json = Record<string, unknown>;

const PHASES = new Set(['X', 'b', 'e', 's', 'f', 'C', 'M']);
const METADATA_NAMES = new Set([
  'process_name',
  'process_sort_index',
  'process_labels',
  'thread_name',
  'thread_sort_index',
]);
/** Events on a thread's own track: their thread must be named. Async and counter events belong to the process. */
const THREAD_PHASES = new Set(['X', 's', 'f']);

interface Located {
  index: number;
  event: Json;
}

export function validateChromeTrace(trace: unknown): string[] {
  if (!isObject(trace)) return ['the trace is not a JSON object'];
  if (!Array.isArray(trace.traceEvents)) return ['traceEvents is not an array'];
  const problems: string[] = [];
  if (trace.displayTimeUnit !== undefined && trace.displayTimeUnit !== 'ms' && trace.displayTimeUnit !== 'ns') {
    problems.push(`displayTimeUnit must be "ms" or "ns" (got ${JSON.stringify(trace.displayTimeUnit)})`);
  }
  const events: Located[] = [];
  trace.traceEvents.forEach((event: unknown, index) => {
    if (!isObject(event)) problems.push(`event ${index}: not an object`);
    else events.push({ index, event });
  });
  for (const located of events) problems.push(...fieldProblems(located));
  if (problems.length > 0) return problems;
  return [...metadataProblems(events), ...asyncProblems(events), ...flowProblems(events), ...nestingProblems(events)];
}

function fieldProblems({ index, event }: Located): string[] {
  const where = `event ${index}`;
  const problems: string[] = [];
  const ph = event.ph;
  if (typeof ph !== 'string' || !PHASES.has(ph))
    return [`${where}: ph ${JSON.stringify(ph)} is not one of ${[...PHASES].join(', ')}`];
  if (typeof event.name !== 'string' || event.name === '')
    problems.push(`${where} (${ph}): name must be a non-empty string`);
  for (const field of ['pid', 'tid'] as const) {
    if (!Number.isInteger(event[field]) || (event[field] as number) < 0)
      problems.push(`${where} (${ph}): ${field} must be a non-negative integer`);
  }
  if (!isFiniteNumber(event.ts) || event.ts < 0) problems.push(`${where} (${ph}): ts must be a finite number ≥ 0 (µs)`);
  if (event.args !== undefined && !isObject(event.args)) problems.push(`${where} (${ph}): args must be an object`);
  switch (ph) {
    case 'X':
      if (!isFiniteNumber(event.dur) || event.dur < 0)
        problems.push(`${where} (X): dur must be a finite number ≥ 0 (µs)`);
      break;
    case 'b':
    case 'e':
    case 's':
    case 'f':
      if (typeof event.cat !== 'string' || event.cat === '')
        problems.push(`${where} (${ph}): cat is required: it pairs the event with its other end`);
      if (typeof event.id !== 'string' && !Number.isInteger(event.id))
        problems.push(`${where} (${ph}): id must be a string or an integer`);
      if (event.bp !== undefined && (ph !== 'f' || event.bp !== 'e'))
        problems.push(`${where} (${ph}): bp may only be "e", on a flow end`);
      break;
    case 'C':
      if (
        !isObject(event.args) ||
        Object.keys(event.args).length === 0 ||
        !Object.values(event.args).every(isFiniteNumber)
      ) {
        problems.push(`${where} (C): args must hold one or more finite numbers (the counter's series)`);
      }
      break;
    case 'M': {
      const args = isObject(event.args) ? event.args : {};
      if (typeof event.name !== 'string' || !METADATA_NAMES.has(event.name))
        problems.push(`${where} (M): unknown metadata name ${JSON.stringify(event.name)}`);
      else if (event.name.endsWith('_name') && (typeof args.name !== 'string' || args.name === ''))
        problems.push(`${where} (M ${event.name}): args.name must be a non-empty string`);
      else if (event.name.endsWith('_sort_index') && !Number.isInteger(args.sort_index))
        problems.push(`${where} (M ${event.name}): args.sort_index must be an integer`);
      break;
    }
  }
  return problems;
}

/** Every process used has a process_name, and every thread with events on its own track a thread_name. */
function metadataProblems(events: readonly Located[]): string[] {
  const named = (name: string): Set<string> =>
    new Set(
      events
        .filter(({ event }) => event.ph === 'M' && event.name === name)
        .map(({ event }) =>
          name.startsWith('process') ? `${String(event.pid)}` : `${String(event.pid)}/${String(event.tid)}`,
        ),
    );
  const processNames = named('process_name');
  const threadNames = named('thread_name');
  const problems = new Set<string>();
  for (const { event } of events) {
    if (event.ph === 'M') continue;
    if (!processNames.has(String(event.pid)))
      problems.add(`pid ${String(event.pid)} has events but no process_name metadata`);
    if (THREAD_PHASES.has(event.ph as string) && !threadNames.has(`${String(event.pid)}/${String(event.tid)}`)) {
      problems.add(`pid ${String(event.pid)} tid ${String(event.tid)} has events but no thread_name metadata`);
    }
  }
  return [...problems];
}

/** Each `b` has one `e` with the same pid, cat, id and name, no earlier than it. */
function asyncProblems(events: readonly Located[]): string[] {
  const open = new Map<string, Located[]>();
  const problems: string[] = [];
  const keyOf = (event: Json): string => JSON.stringify([event.pid, event.cat, event.id, event.name]);
  for (const located of sortedByTs(events.filter(({ event }) => event.ph === 'b' || event.ph === 'e'))) {
    const key = keyOf(located.event);
    const stack = open.get(key) ?? [];
    if (located.event.ph === 'b') {
      stack.push(located);
      open.set(key, stack);
      continue;
    }
    if (stack.pop() === undefined)
      problems.push(`event ${located.index} (e): no open "b" with the same pid, cat, id and name`);
  }
  for (const stack of open.values())
    for (const located of stack) problems.push(`event ${located.index} (b): never ended by a matching "e"`);
  return problems;
}

/**
 * Flows: each id has exactly one `s` and one `f` (same cat and name), the end no earlier than the start; each
 * end lies within a slice (`X`) of its own thread, which is what it binds to (start: the enclosing slice;
 * end with bp "e": the enclosing slice; end without: the next slice that begins on its thread).
 */
function flowProblems(events: readonly Located[]): string[] {
  const problems: string[] = [];
  const flows = new Map<string, { s: Located[]; f: Located[] }>();
  for (const located of events) {
    if (located.event.ph !== 's' && located.event.ph !== 'f') continue;
    const key = JSON.stringify([located.event.cat, located.event.name, located.event.id]);
    const flow = flows.get(key) ?? { s: [], f: [] };
    flow[located.event.ph].push(located);
    flows.set(key, flow);
  }
  const slicesOf = new Map<string, Array<{ start: number; end: number }>>();
  for (const { event } of events) {
    if (event.ph !== 'X') continue;
    const key = `${String(event.pid)}/${String(event.tid)}`;
    const list = slicesOf.get(key) ?? [];
    list.push({ start: event.ts as number, end: (event.ts as number) + (event.dur as number) });
    slicesOf.set(key, list);
  }
  const boundSlice = ({ event }: Located): boolean => {
    const slices = slicesOf.get(`${String(event.pid)}/${String(event.tid)}`) ?? [];
    const ts = event.ts as number;
    if (event.ph === 'f' && event.bp !== 'e') return slices.some((slice) => slice.start >= ts);
    return slices.some((slice) => slice.start <= ts && ts <= slice.end);
  };
  for (const [key, flow] of flows) {
    const [start] = flow.s;
    const [end] = flow.f;
    if (flow.s.length !== 1 || flow.f.length !== 1 || start === undefined || end === undefined) {
      problems.push(`flow ${key}: needs exactly one "s" and one "f" (has ${flow.s.length} and ${flow.f.length})`);
      continue;
    }
    if ((end.event.ts as number) < (start.event.ts as number))
      problems.push(`flow ${key}: ends (event ${end.index}) before it starts (event ${start.index})`);
    for (const located of [start, end]) {
      if (!boundSlice(located))
        problems.push(
          `event ${located.index} (${String(located.event.ph)}): no slice on its thread for the flow to bind to`,
        );
    }
  }
  return problems;
}

/** The complete events of each thread nest: none partly overlaps another. */
function nestingProblems(events: readonly Located[]): string[] {
  const byThread = new Map<string, Array<{ startUs: number; endUs: number }>>();
  for (const { event } of events) {
    if (event.ph !== 'X') continue;
    const key = `pid ${String(event.pid)} tid ${String(event.tid)}`;
    const list = byThread.get(key) ?? [];
    list.push({ startUs: event.ts as number, endUs: (event.ts as number) + (event.dur as number) });
    byThread.set(key, list);
  }
  return [...byThread]
    .filter(([, slices]) => !nestsProperly(slices))
    .map(([key]) => `${key}: X events overlap without nesting (use async events for those)`);
}

function sortedByTs(events: readonly Located[]): Located[] {
  return [...events].sort((a, b) => (a.event.ts as number) - (b.event.ts as number) || a.index - b.index);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
