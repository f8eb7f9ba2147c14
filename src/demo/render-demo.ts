import { BUSY_MACHINE_FACTOR } from '../judgement/thresholds.js';
import { formatMs, formatRatio } from '../format/numbers.js';
import type { DemoReport, DemoRun } from './run-demo.js';
import { LEGEND, renderTimeline, type Span } from '../trace/timeline.js';
import { plural } from '../format/numbers.js';

const TIMELINE_WIDTH = 60;

/** The demo as a story: three numbered parts, each figure measured, then the lesson. */
export function renderDemo(report: DemoReport, node: string): string {
  const { fetches, agents } = report;
  const [fetchSequential, fetchAll] = fetches.runs;
  const [agentSequential, agentAll, agentPool] = agents.runs;
  const gain = (run: DemoRun, baseline: DemoRun): number => baseline.wallMs / run.wallMs;
  const latency = (name: string): string => `${fetches.latenciesMs[name] ?? '?'} ms`;
  const poolName = `worker pool (${plural(agents.threads, 'thread')})`;
  const allGain = gain(agentAll, agentSequential);
  const poolGain = gain(agentPool, agentSequential);

  const lines = [
    'corescope demo — concurrency is not parallelism',
    `Node ${node} · ${plural(report.usableCores, 'usable core')} · every figure below was measured just ` +
      `now, on this machine`,
    '',
    `1. Two independent fetches: "weather" (${latency('weather')}) and "news" (${latency('news')})`,
    figure('sequential', 'await weather; then await news', fetchSequential.wallMs, 'the waits add up'),
    figure(
      'Promise.all',
      'await Promise.all([weather, news])',
      fetchAll.wallMs,
      `${formatRatio(gain(fetchAll, fetchSequential))} faster: the waits overlap, on one thread`,
    ),
    '',
    `2. Three agents that compute instead of wait (${formatMs(agents.cpuMsPerAgent)} of computing each, ` +
      `yielding between slices)`,
    figure('sequential', 'one agent after another', agentSequential.wallMs, 'the computing adds up'),
    figure(
      'Promise.all',
      'all three at once on the event loop',
      agentAll.wallMs,
      // One run each, no interval: no gain/loss word, only the ratio and what the timestamps show.
      `${formatRatio(allGain)} — ` +
        `${computingAtOnce(agentAll.spans) <= 1 ? 'no two slices computed at once' : 'slices overlapped'}: ` +
        `one thread computes one slice at a time`,
    ),
    figure(
      poolName,
      'one agent per worker thread (piscina)',
      agentPool.wallMs,
      `${formatRatio(poolGain)} — ideal here ${formatRatio(agents.idealSpeedup)} (${agents.agents} ` +
        `agents on ${Math.min(agents.threads, report.usableCores)} cores); start-up ` +
        `${formatMs(agents.poolStartupMs)}, paid once`,
    ),
    ...(agents.cpuMsPerAgent > BUSY_MACHINE_FACTOR * agents.calibratedMsPerAgent
      ? [
          `   note: the agents took ${formatRatio(agents.cpuMsPerAgent / agents.calibratedMsPerAgent)} ` +
            `longer than calibrated: other work is using the cores, so the pool cannot gain its ideal now`,
        ]
      : []),
    ...(agents.sameResults
      ? []
      : ['   warning: the runs computed different checksums — this is a bug, please report it']),
    '',
    '3. Who ran when, and on which thread (real timestamps)',
    `   ${LEGEND}`,
    ...timeline('fetches, sequential', fetchSequential),
    ...timeline('fetches, Promise.all — concurrency: the waits overlap', fetchAll),
    ...timeline('agents, sequential', agentSequential),
    ...timeline('agents, Promise.all — concurrency: slices interleave on one thread, total unchanged', agentAll),
    ...timeline(`agents, ${poolName} — parallelism: agents side by side on several threads`, agentPool),
    '',
    'The lesson: async (Promise.all) overlaps waiting; it does not compute in parallel. Computing needs threads,',
    `and a worker pool gains up to the core count (${report.usableCores} here). Measure your own code:`,
    '  npx corescope classify ./my-workload.js      (I/O-bound, CPU-bound or mixed, and what to use)',
    '  npx corescope run -w agents -s sequential,concurrent,parallel,hybrid',
    '',
    `(demo took ${formatMs(report.totalMs)})`,
  ];
  return lines.join('\n');
}

/** The most slices computing at the same moment, from their timestamps. */
function computingAtOnce(spans: readonly Span[]): number {
  const edges = spans
    .filter((span) => span.kind === 'cpu')
    .flatMap((span) => [
      { atMs: span.startMs, step: 1 },
      { atMs: span.endMs, step: -1 },
    ])
    // A slice that starts the moment another ends does not overlap it: ends first.
    .sort((a, b) => a.atMs - b.atMs || a.step - b.step);
  let now = 0;
  let peak = 0;
  for (const edge of edges) peak = Math.max(peak, (now += edge.step));
  return peak;
}

function figure(strategy: string, how: string, wallMs: number, note: string): string {
  return `   ${strategy.padEnd(26)} ${how.padEnd(38)} ${formatMs(wallMs).padStart(8)}   ${note}`;
}

function timeline(title: string, run: DemoRun): string[] {
  return [
    '',
    `   ${title}: ${formatMs(run.wallMs)}`,
    ...renderTimeline(run.spans, TIMELINE_WIDTH).map((row) => `     ${row}`),
  ];
}
